package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.NotificationConfig;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.NotificationConfigResult;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher on virtual time: every flush happens only when the test advances the clock. */
class DispatcherTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z"); // a Monday

  /** An integration that records what it is given and fails while told to. */
  private static final class Recorder implements Integration {
    final List<Notification> got = new ArrayList<>();
    final boolean sendResolved;
    boolean failing;

    Recorder(boolean sendResolved) {
      this.sendResolved = sendResolved;
    }

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public void deliver(Notification n) {
      if (failing) {
        throw new IllegalStateException("down");
      }
      got.add(n);
    }

    @Override
    public boolean sendResolved() {
      return sendResolved;
    }

    /** Per notification: its status and the alertnames/instances with their status. */
    List<String> summary() {
      return got.stream().map(n -> n.time().getEpochSecond() - T0.getEpochSecond() + "s " + n.status().text() + " "
          + n.alerts().stream().map(a -> a.labels().getOrEmpty("instance") + "=" + n.status(a).text()).toList())
          .toList();
    }
  }

  private final Recorder hook = new Recorder(true);
  private final Recorder quiet = new Recorder(false);
  private Dispatcher dispatcher;

  private static NotificationConfig config(String yaml) {
    NotificationConfigResult r = new NotificationConfigLoader().load("am.yml", yaml.getBytes(StandardCharsets.UTF_8),
        Path.of("."));
    assertThat(r.diagnostics()).isEmpty();
    return r.config();
  }

  private static final String BASIC = """
      route:
        receiver: hook
        group_by: [alertname]
        group_wait: 30s
        group_interval: 5m
        repeat_interval: 1h
      receivers: [{name: hook}, {name: quiet}]
      """;

  private Dispatcher dispatcher(NotificationConfig c) {
    return new Dispatcher(c.route(), Map.of("hook", List.of(hook, quiet)), c.inhibitRules(), c.timeIntervals(),
        c.global().resolveTimeout());
  }

  private void at(long seconds) {
    Instant now = T0.plusSeconds(seconds);
    for (Delivery d : dispatcher.due(now)) {
      dispatcher.run(d, () -> now, () -> {});
    }
  }

  private static OutgoingAlert alert(String name, String instance, long startSec, Long endSec) {
    return new OutgoingAlert(Labels.of("alertname", name, "instance", instance), Labels.EMPTY,
        T0.plusSeconds(startSec), endSec == null ? null : T0.plusSeconds(endSec), "", "e");
  }

  private void send(long seconds, OutgoingAlert... alerts) {
    dispatcher.ingest(List.of(alerts), T0.plusSeconds(seconds));
  }

  @Test
  void firstAfterGroupWaitChangesAfterGroupIntervalRepeatsAfterRepeatInterval() {
    dispatcher = dispatcher(config(BASIC));
    send(0, alert("A", "1", 0, 600L));
    at(29);
    assertThat(hook.got).isEmpty();
    send(20, alert("A", "2", 20, 600L));
    at(30);
    assertThat(hook.summary()).containsExactly("30s firing [1=firing, 2=firing]");
    send(60, alert("A", "3", 60, 900L), alert("A", "1", 0, 1200L));
    at(329);
    assertThat(hook.got).hasSize(1);
    at(330);
    assertThat(hook.summary()).as("a new alert after group_interval").containsExactly(
        "30s firing [1=firing, 2=firing]", "330s firing [1=firing, 2=firing, 3=firing]");
    send(400, alert("A", "1", 0, 4000L), alert("A", "2", 20, 4000L), alert("A", "3", 60, 4000L));
    for (long t = 630; t < 3930; t += 300) {
      at(t);
    }
    assertThat(hook.got).as("unchanged: nothing until repeat_interval").hasSize(2);
    at(3930);
    assertThat(hook.summary()).as("an hour after the last notification, at a flush").last()
        .isEqualTo("3930s firing [1=firing, 2=firing, 3=firing]");
  }

  @Test
  void resolvedAlertsAreSentPerSendResolvedThenLeaveTheGroup() {
    dispatcher = dispatcher(config(BASIC));
    send(0, alert("A", "1", 0, 1000L), alert("A", "2", 0, 1000L));
    at(30);
    send(100, alert("A", "1", 0, 100L));
    at(330);
    assertThat(hook.summary()).containsExactly("30s firing [1=firing, 2=firing]",
        "330s firing [1=resolved, 2=firing]");
    assertThat(quiet.summary()).as("send_resolved false: no change in firing alerts, nothing sent")
        .containsExactly("30s firing [1=firing, 2=firing]");
    send(400, alert("A", "2", 0, 400L));
    at(630);
    assertThat(hook.summary()).last().isEqualTo("630s resolved [2=resolved]");
    assertThat(quiet.got).as("all resolved: send_resolved false sends nothing").hasSize(1);
    assertThat(dispatcher.groupCount()).as("notified resolved alerts leave; the empty group goes").isZero();
    assertThat(dispatcher.nextFlush()).isNull();
  }

  @Test
  void alertsResolvedBeforeTheFirstNotificationAreNeverSent() {
    dispatcher = dispatcher(config(BASIC));
    send(0, alert("A", "1", 0, 1000L));
    send(10, alert("A", "1", 0, 10L));
    at(30);
    assertThat(hook.got).isEmpty();
    assertThat(dispatcher.groupCount()).isZero();
  }

  @Test
  void alertThatStartedLongerAgoThanGroupWaitFlushesAtOnce() {
    dispatcher = dispatcher(config(BASIC));
    send(100, alert("A", "1", 0, 1000L));
    at(100);
    assertThat(hook.summary()).containsExactly("100s firing [1=firing]");
  }

  @Test
  void alertWithoutEndResolvesAfterResolveTimeout() {
    dispatcher = dispatcher(config(BASIC.replace("route:", "global: {resolve_timeout: 2m}\nroute:")));
    send(0, alert("A", "1", 0, null));
    at(30);
    at(330);
    assertThat(hook.summary()).containsExactly("30s firing [1=firing]", "330s resolved [1=resolved]");
  }

  @Test
  void failedDeliveryKeepsResolvedAlertsAndRetriesAtTheNextFlush() {
    dispatcher = dispatcher(config(BASIC));
    send(0, alert("A", "1", 0, 1000L));
    at(30);
    send(100, alert("A", "1", 0, 100L));
    hook.failing = true;
    at(330);
    assertThat(dispatcher.groupCount()).isEqualTo(1);
    hook.failing = false;
    at(630);
    assertThat(hook.summary()).containsExactly("30s firing [1=firing]", "630s resolved [1=resolved]");
    assertThat(dispatcher.groupCount()).isZero();
  }

  @Test
  void inhibitionMutesTargetsWhileAnEqualSourceFires() {
    dispatcher = dispatcher(config("""
        route: {receiver: hook, group_by: [alertname], group_wait: 10s, group_interval: 1m}
        receivers: [{name: hook}]
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [cluster]
        """));
    OutgoingAlert crit = new OutgoingAlert(Labels.of("alertname", "Down", "severity", "critical", "cluster", "a"),
        Labels.EMPTY, T0, T0.plusSeconds(100), "", "");
    OutgoingAlert warnA = new OutgoingAlert(Labels.of("alertname", "Slow", "severity", "warning", "cluster", "a"),
        Labels.EMPTY, T0, T0.plusSeconds(1000), "", "");
    OutgoingAlert warnB = new OutgoingAlert(Labels.of("alertname", "Slow", "severity", "warning", "cluster", "b"),
        Labels.EMPTY, T0, T0.plusSeconds(1000), "", "");
    send(0, crit, warnA, warnB);
    at(10);
    assertThat(hook.got).extracting(n -> n.alerts().stream().map(a -> a.labels().get("cluster")).toList())
        .containsExactly(List.of("a"), List.of("b"));
    at(70);
    assertThat(hook.got).as("still inhibited while the source fires").hasSize(2);
    at(130);
    assertThat(hook.got).as("source resolved: its resolution, then the target is no longer inhibited").hasSize(4);
    assertThat((Object) hook.got.get(3).groupLabels()).isEqualTo(Labels.of("alertname", "Slow"));
    assertThat(hook.got.get(3).alerts()).hasSize(2);
  }

  @Test
  void muteAndActiveTimeIntervalsSilenceRoutes() {
    dispatcher = dispatcher(config("""
        route:
          receiver: hook
          group_wait: 10s
          group_interval: 1h
          routes:
            - {matchers: [team=night], mute_time_intervals: [office]}
            - {matchers: [team=day], active_time_intervals: [office]}
        receivers: [{name: hook}]
        time_intervals:
          - name: office
            time_intervals: [{weekdays: ["monday:friday"], times: [{start_time: "09:00", end_time: "17:00"}]}]
        """));
    Labels night = Labels.of("alertname", "N", "team", "night");
    Labels day = Labels.of("alertname", "D", "team", "day");
    dispatcher.ingest(List.of(new OutgoingAlert(night, Labels.EMPTY, T0, T0.plusSeconds(86400), "", ""),
        new OutgoingAlert(day, Labels.EMPTY, T0, T0.plusSeconds(86400), "", "")), T0);
    at(10);
    assertThat(hook.got).extracting(n -> n.alerts().get(0).labels().get("team")).containsExactly("day");
    at(10 + 7 * 3600);
    assertThat(hook.got).as("17:00 Monday: office closed").extracting(n -> n.alerts().get(0).labels().get("team"))
        .containsExactly("day", "night");
  }

  @Test
  void restartNeitherRepeatsNorForgetsAPendingNotification(@TempDir Path dir) throws Exception {
    NotificationConfig c = config(BASIC);
    dispatcher = dispatcher(c);
    send(0, alert("A", "1", 0, 10000L));
    at(30);
    send(40, alert("B", "1", 40, 10000L));
    DispatcherStateStore store = new DispatcherStateStore(dir);
    store.save(dispatcher.snapshot());

    dispatcher = dispatcher(c);
    dispatcher.restore(store.load().orElseThrow(), T0.plusSeconds(50));
    at(70);
    assertThat(hook.got).extracting(n -> n.groupLabels().get("alertname")).as("B's pending first notification")
        .containsExactly("A", "B");
    at(330);
    assertThat(hook.got).as("A unchanged: no repeat after the restart").hasSize(2);
  }

  @Test
  void corruptStateFileIsReportedNotLoaded(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(DispatcherStateStore.FILE_NAME), "{\"format\":1,\"groups\":[{\"routeKey\":1}]}");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new DispatcherStateStore(dir).load()))
        .isInstanceOf(DispatcherStateStore.StateFileException.class).hasMessageContaining("corrupt notification log");
    Files.writeString(dir.resolve(DispatcherStateStore.FILE_NAME), "{not json");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new DispatcherStateStore(dir).load()))
        .isInstanceOf(DispatcherStateStore.StateFileException.class);
    assertThat(new DispatcherStateStore(dir.resolve("none")).load()).isEmpty();
  }

  @Test
  void notificationLogDecidesLikeAlertmanagersDedupStage() {
    Instant now = T0.plusSeconds(1000);
    NotificationLog.Entry sent = new NotificationLog.Entry("r/0", "g", java.util.Set.of(1L, 2L), java.util.Set.of(),
        T0, T0.plusSeconds(99999));
    assertThat(Dispatcher.needsUpdate(null, java.util.Set.of(), java.util.Set.of(1L), true, Duration.ofHours(1), now))
        .as("never notified and nothing fires").isFalse();
    assertThat(Dispatcher.needsUpdate(sent, java.util.Set.of(1L), java.util.Set.of(2L), true, Duration.ofHours(1),
        now)).as("an alert resolved, send_resolved").isTrue();
    assertThat(Dispatcher.needsUpdate(sent, java.util.Set.of(1L), java.util.Set.of(2L), false, Duration.ofHours(1),
        now)).as("an alert resolved, no send_resolved").isFalse();
    assertThat(Dispatcher.needsUpdate(sent, java.util.Set.of(1L, 2L), java.util.Set.of(), true, Duration.ofSeconds(1000),
        now)).as("repeat interval reached").isTrue();
  }

  @Test
  void stateFileKeepsEveryFieldExactly(@TempDir Path dir) throws Exception {
    dispatcher = dispatcher(config(BASIC));
    Labels odd = Labels.of("alertname", "Ödd \"quoted\" <b>&amp;</b>", "instance", "line\nbreak\ttab\u2028");
    dispatcher.ingest(List.of(new OutgoingAlert(odd, Labels.of("summary", "x \\ y"), T0.plusNanos(123_456_789),
        T0.plusSeconds(86400).plusNanos(120_000_000), "http://p/graph?g0.expr=a%3Db&x=<1>", "eval-1"),
        alert("B", "1", 0, 10000L)), T0);
    at(30);
    dispatcher.ingest(List.of(alert("C", "2", 40, 10000L)), T0.plusSeconds(40));
    DispatcherState state = dispatcher.snapshot();
    assertThat(state.log()).isNotEmpty();
    DispatcherStateStore store = new DispatcherStateStore(dir);
    store.save(state);

    assertThat(store.load()).contains(state);
  }

  @Test
  void resolvedAlertsAreForgottenOnceNoGroupHoldsThem() {
    dispatcher = dispatcher(config(BASIC));
    send(0, alert("A", "1", 0, 100L), alert("B", "1", 0, 10000L));
    at(30);
    at(330);
    assertThat(hook.summary()).as("A resolved and left its group").contains("330s resolved [1=resolved]");
    assertThat(dispatcher.knownAlerts()).as("forgotten at the next flush, not before").isEqualTo(2);
    send(400, alert("B", "2", 400, 10000L));
    at(630);
    assertThat(dispatcher.knownAlerts()).isEqualTo(2);
    assertThat(dispatcher.snapshot().groups()).extracting(g -> g.groupLabels().get("alertname")).containsExactly("B");
  }

  @Test
  void onlyAChangeMakesTheStateDirty() {
    dispatcher = dispatcher(config(BASIC));
    send(0, alert("A", "1", 0, 10000L));
    dispatcher.snapshot();
    dispatcher.due(T0.plusSeconds(10));
    assertThat(dispatcher.dirty()).as("nothing due").isFalse();
    at(30);
    assertThat(dispatcher.dirty()).as("a flush and its notification").isTrue();
  }
}
