package dev.tocsin.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.state.Alert;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.engine.state.GroupSnapshot;
import dev.tocsin.engine.state.LoadedState;
import dev.tocsin.engine.state.RestorePlan;
import dev.tocsin.engine.state.StateStore;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Restoring alert state after a restart and inheriting it on reload, driven through evaluations. */
class GroupStateRestoreTest {
  private static final String FILE = "rules/api.yml";
  private static final Duration TOLERANCE = Duration.ofHours(1);

  @TempDir Path dir;

  private final MemoryStorage storage = new MemoryStorage();
  private final MemoryPromqlEngine promql = new MemoryPromqlEngine(storage, EngineOptions.DEFAULT);

  private static Instant sec(long s) {
    return Instant.ofEpochSecond(s);
  }

  private static RuleGroup group(String yaml) {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    return r.file().groups().get(0);
  }

  /** A fresh evaluator, as after a process start: no alerts held. */
  private GroupEvaluator evaluator(RuleGroup g, Duration interval, Duration resendDelay) {
    EvaluationSettings s = new EvaluationSettings(interval, Duration.ZERO, resendDelay, Labels.EMPTY,
        "http://tocsin:9097", "http://prom:9090");
    TemplateExpander plain = (alert, text, labels, value, ts) -> text;
    return new GroupEvaluator(g, Map.of(QueryLanguage.PROMQL, promql), s, (l, t, v) -> {}, plain, () -> 0L);
  }

  /** Sets {@code up{instance="a"}} at {@code t} seconds: 0 means down, which the rules alert on. */
  private void up(double v, long t) {
    storage.append(Labels.of("__name__", "up", "instance", "a"), t * 1000, v);
  }

  /** Evaluates at every step from {@code from} to {@code to} seconds with the series at {@code v}. */
  private List<AlertNotification> run(GroupEvaluator e, double v, long from, long to, long step) {
    List<AlertNotification> sent = new ArrayList<>();
    for (long t = from; t <= to; t += step) {
      up(v, t);
      sent.addAll(e.evaluate(sec(t)).notifications());
    }
    return sent;
  }

  private static Alert onlyAlert(GroupEvaluator e, int rule) {
    List<Alert> alerts = e.alertState(rule).alerts();
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }

  /** Saves through a state directory and reads back, as a restart does. */
  private GroupSnapshot throughDisk(GroupSnapshot s) throws Exception {
    new StateStore(dir, StateStore.DEFAULT_REFRESH).save(s);
    LoadedState loaded = new StateStore(dir, StateStore.DEFAULT_REFRESH).loadAll();
    assertThat(loaded.problems()).isEmpty();
    return loaded.find(FILE, s.group()).orElseThrow();
  }

  /** A group with one rule, {@code Down}, on {@code up == 0}, plus {@code extra} rule keys. */
  private static String downRule(String extra) {
    return "groups:\n- name: api\n  rules:\n  - alert: Down\n    expr: up == 0\n    " + extra + "\n";
  }

  private static final String FOR_1M = downRule("for: 1m");

  @Test
  void firingAlertKeepsStartsAtAndSendsNothingUntilTheResendDelayAfterAShortOutage() throws Exception {
    RuleGroup g = group(FOR_1M);
    Duration resend = Duration.ofMinutes(5);
    GroupEvaluator before = evaluator(g, Duration.ofSeconds(15), resend);
    List<AlertNotification> sent = run(before, 0, 0, 120, 15);
    assertThat(sent).singleElement().satisfies(n -> assertThat(n.alert().firedAt()).isEqualTo(sec(60)));
    GroupSnapshot saved = throughDisk(before.snapshot(FILE, sec(120)));

    GroupEvaluator after = evaluator(g, Duration.ofSeconds(15), resend);
    RestorePlan plan = after.restore(saved, sec(150), TOLERANCE);
    assertThat(plan.alertCount()).isEqualTo(1);
    assertThat(plan.notes()).isEmpty();
    // lastSentAt 60 s + 5 m resend delay: nothing is due before 375 s.
    assertThat(run(after, 0, 150, 360, 15)).isEmpty();
    assertThat(run(after, 0, 375, 375, 15)).singleElement().satisfies(n -> {
      assertThat(n.alert().status()).isEqualTo(AlertStatus.FIRING);
      assertThat(n.alert().firedAt()).isEqualTo(sec(60));
      assertThat(n.alert().activeAt()).isEqualTo(sec(0));
    });
  }

  @Test
  void withoutRestoreTheSameAlertWouldStartOverPending() {
    RuleGroup g = group(FOR_1M);
    run(evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(5)), 0, 0, 120, 15);
    GroupEvaluator fresh = evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(5));
    run(fresh, 0, 150, 150, 15);
    assertThat(onlyAlert(fresh, 0).status()).isEqualTo(AlertStatus.PENDING);
  }

  /**
   * A pending alert keeps its progress and the downtime does not count toward {@code for}, for a
   * long and a short {@code for}: pending from 0 until the last evaluation, then down until the
   * restart, it fires {@code for} minus the progress after the restart.
   */
  @ParameterizedTest(name = "for {0}: pending 0..{2}s, restart at {3}s, fires at {4}s")
  @CsvSource({"10m, 60, 240, 360, 720", "3s, 1, 1, 3, 5"})
  void pendingAlertKeepsItsProgressAndTheDowntimeDoesNotCount(String hold, long step, long lastEval, long restart,
      long fires) throws Exception {
    RuleGroup g = group(downRule("for: " + hold));
    Duration interval = Duration.ofSeconds(step);
    GroupEvaluator before = evaluator(g, interval, interval);
    run(before, 0, 0, lastEval, step);
    assertThat(onlyAlert(before, 0).status()).isEqualTo(AlertStatus.PENDING);
    GroupSnapshot saved = throughDisk(before.snapshot(FILE, sec(lastEval)));

    GroupEvaluator after = evaluator(g, interval, interval);
    after.restore(saved, sec(restart), TOLERANCE);
    assertThat(onlyAlert(after, 0).activeAt()).isEqualTo(sec(restart - lastEval));
    assertThat(run(after, 0, restart, fires - step, step)).isEmpty();
    assertThat(onlyAlert(after, 0).status()).isEqualTo(AlertStatus.PENDING);
    assertThat(run(after, 0, fires, fires, step)).singleElement()
        .satisfies(n -> assertThat(n.alert().firedAt()).isEqualTo(sec(fires)));
  }

  @Test
  void nothingIsRestoredAfterAnOutageAsLongAsTheTolerance() {
    RuleGroup g = group(FOR_1M);
    GroupEvaluator before = evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(1));
    run(before, 0, 0, 120, 15);
    GroupSnapshot saved = before.snapshot(FILE, sec(120));

    GroupEvaluator late = evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(1));
    RestorePlan plan = late.restore(saved, sec(120).plus(TOLERANCE), TOLERANCE);
    assertThat(plan.alertCount()).isZero();
    assertThat(plan.notes()).singleElement().asString()
        .isEqualTo("the state is PT1H old, not less than the outage tolerance of PT1H; nothing restored");
    assertThat(late.alertState(0).alerts()).isEmpty();

    GroupEvaluator justInTime = evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(1));
    assertThat(justInTime.restore(saved, sec(120).plus(TOLERANCE).minusSeconds(1), TOLERANCE).alertCount())
        .isEqualTo(1);
  }

  @Test
  void nothingIsRestoredWhenTheClockWentBack() {
    RuleGroup g = group(FOR_1M);
    GroupEvaluator before = evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(1));
    run(before, 0, 0, 120, 15);
    GroupEvaluator after = evaluator(g, Duration.ofSeconds(15), Duration.ofMinutes(1));
    RestorePlan plan = after.restore(before.snapshot(FILE, sec(120)), sec(119), TOLERANCE);
    assertThat(plan.alertCount()).isZero();
    assertThat(plan.notes()).singleElement().asString().contains("the clock went back");
    assertThat(after.alertState(0).alerts()).isEmpty();
  }

  @Test
  void keepFiringForCarriesOnFromWhereItWas() throws Exception {
    RuleGroup g = group(downRule("keep_firing_for: 5m"));
    Duration minute = Duration.ofMinutes(1);
    GroupEvaluator before = evaluator(g, minute, Duration.ofHours(1));
    run(before, 0, 0, 60, 60);
    run(before, 1, 120, 180, 60);
    assertThat(onlyAlert(before, 0).keepFiringSince()).isEqualTo(sec(120));
    GroupSnapshot saved = throughDisk(before.snapshot(FILE, sec(180)));

    GroupEvaluator after = evaluator(g, minute, Duration.ofHours(1));
    after.restore(saved, sec(200), TOLERANCE);
    // keep_firing_for runs from 120 s: still firing at 360 s, resolved (and sent) at 420 s.
    assertThat(run(after, 1, 240, 360, 60)).isEmpty();
    assertThat(onlyAlert(after, 0).status()).isEqualTo(AlertStatus.FIRING);
    assertThat(onlyAlert(after, 0).keepFiringSince()).isEqualTo(sec(120));
    assertThat(run(after, 1, 420, 420, 60)).singleElement().satisfies(n -> {
      assertThat(n.alert().resolvedAt()).isEqualTo(sec(420));
      assertThat(n.alert().firedAt()).isEqualTo(sec(0));
    });
  }

  @Test
  void resolvedAlertInRetentionComesBackAndItsResolutionIsResent() throws Exception {
    RuleGroup g = group(downRule("for: 0s"));
    Duration minute = Duration.ofMinutes(1);
    GroupEvaluator before = evaluator(g, minute, minute);
    run(before, 0, 0, 60, 60);
    assertThat(run(before, 1, 120, 120, 60)).singleElement()
        .satisfies(n -> assertThat(n.alert().resolvedAt()).isEqualTo(sec(120)));
    GroupSnapshot saved = throughDisk(before.snapshot(FILE, sec(120)));

    GroupEvaluator after = evaluator(g, minute, minute);
    after.restore(saved, sec(150), TOLERANCE);
    assertThat(run(after, 1, 180, 180, 60)).isEmpty();
    assertThat(run(after, 1, 240, 240, 60)).singleElement().satisfies(n -> {
      assertThat(n.alert().status()).isEqualTo(AlertStatus.INACTIVE);
      assertThat(n.alert().resolvedAt()).isEqualTo(sec(120));
    });
  }

  @Test
  void renamedRuleAndRuleTurnedRecordingAreSkipped() {
    GroupEvaluator before = evaluator(group("""
        groups:
        - name: api
          rules:
          - alert: Down
            expr: up == 0
          - alert: Gone
            expr: up == 0
        """), Duration.ofMinutes(1), Duration.ofMinutes(1));
    run(before, 0, 0, 0, 60);
    GroupEvaluator after = evaluator(group("""
        groups:
        - name: api
          rules:
          - alert: DownRenamed
            expr: up == 0
          - record: Gone
            expr: up == 0
        """), Duration.ofMinutes(1), Duration.ofMinutes(1));
    RestorePlan plan = after.restore(before.snapshot(FILE, sec(0)), sec(30), TOLERANCE);
    assertThat(plan.alertCount()).isZero();
    assertThat(plan.notes()).containsExactly(
        "alerting rule Down no longer exists; its 1 alert(s) are not restored",
        "alerting rule Gone is now a recording rule; its 1 alert(s) are not restored");
    assertThat(after.alertState(0).alerts()).isEmpty();
  }

  @Test
  void reloadInheritsAlertsAsTheyAreIntoTheChangedGroup() {
    Duration minute = Duration.ofMinutes(1);
    GroupEvaluator old = evaluator(group("""
        groups:
        - name: api
          rules:
          - alert: Firing
            expr: up == 0
          - alert: Pending
            expr: up == 0
            for: 10m
        """), minute, Duration.ofHours(1));
    run(old, 0, 0, 180, 60);
    GroupEvaluator reloaded = evaluator(group("""
        groups:
        - name: api
          rules:
          - alert: Firing
            expr: up == 0
          - alert: Pending
            expr: up < 1
            for: 5m
        """), minute, Duration.ofHours(1));
    RestorePlan plan = reloaded.inherit(old.snapshot(FILE, sec(180)));
    assertThat(plan.alertCount()).isEqualTo(2);
    assertThat(onlyAlert(reloaded, 1).activeAt()).isEqualTo(sec(0));
    // 'for' lowered to 5m on a pending alert active since 0: fires at 300 s, no time lost.
    List<AlertNotification> sent = run(reloaded, 0, 240, 300, 60);
    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.rule().name()).isEqualTo("Pending");
      assertThat(n.alert().firedAt()).isEqualTo(sec(300));
    });
    assertThat(onlyAlert(reloaded, 0).firedAt()).isEqualTo(sec(0));
  }

  @Test
  void reorderedDuplicatesKeepTheirOwnAlertsAndEditedLabelsFallBackToTheName() {
    Duration minute = Duration.ofMinutes(1);
    GroupEvaluator old = evaluator(group("""
        groups:
        - name: api
          rules:
          - alert: Latency
            expr: up == 0
            labels: {severity: warning}
          - alert: Latency
            expr: up == 0
            labels: {severity: critical}
        """), minute, minute);
    run(old, 0, 0, 0, 60);
    GroupEvaluator reloaded = evaluator(group("""
        groups:
        - name: api
          rules:
          - alert: Latency
            expr: up == 0
            labels: {severity: critical}
          - alert: Latency
            expr: up == 0
            labels: {severity: page}
        """), minute, minute);
    reloaded.inherit(old.snapshot(FILE, sec(0)));
    assertThat(onlyAlert(reloaded, 0).labels().get("severity")).isEqualTo("critical");
    // The second rule's labels changed; it takes the remaining alert of its name, which the next
    // evaluation resolves (sending its resolution) while the new label set fires.
    assertThat(onlyAlert(reloaded, 1).labels().get("severity")).isEqualTo("warning");
    List<AlertNotification> sent = run(reloaded, 0, 60, 60, 60);
    assertThat(sent).extracting(n -> n.alert().labels().get("severity") + " " + n.alert().status().id())
        .containsExactly("warning inactive", "page firing");
    assertThat(sent.get(0).alert().resolvedAt()).isEqualTo(sec(60));
    assertThat(onlyAlert(reloaded, 0).firedAt()).as("critical kept its start").isEqualTo(sec(0));
  }

  @Test
  void snapshotHoldsOnlyAlertingRulesWithAlertsAndCountsOccurrences() {
    GroupEvaluator e = evaluator(group("""
        groups:
        - name: api
          rules:
          - record: Down
            expr: up
          - alert: Quiet
            expr: up > 5
          - alert: Down
            expr: up == 0
        """), Duration.ofMinutes(1), Duration.ofMinutes(1));
    run(e, 0, 0, 0, 60);
    GroupSnapshot s = e.snapshot(FILE, sec(0));
    assertThat(s.file()).isEqualTo(FILE);
    assertThat(s.group()).isEqualTo("api");
    assertThat(s.rules()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("Down");
      assertThat(r.occurrence()).isEqualTo(1);
      assertThat(r.alerts()).hasSize(1);
    });
  }
}
