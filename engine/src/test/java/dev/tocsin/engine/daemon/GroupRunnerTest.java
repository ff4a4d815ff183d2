package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRunnerTest {
  private static final Duration INTERVAL = Duration.ofSeconds(15);

  static RuleGroup group(String yaml) {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load("rules.yml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
    return r.file().groups().get(0);
  }

  private record Tick(Instant slot, long missed) {}

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final MemoryStorage storage = new MemoryStorage();
  private final List<Tick> ticks = new ArrayList<>();

  private GroupRunner runner(String yaml) {
    return GroupRunners.runner(new GroupKey("rules.yml", "g"), group(yaml), INTERVAL, storage, clock,
        (r, evaluation, missed, id) -> ticks.add(new Tick(evaluation.timestamp(), missed)));
  }

  @Test
  void evaluatesAtSlotsAndCountsMissedIterations() {
    GroupRunner r = runner("groups: [{name: g, rules: [{alert: A, expr: vector(1)}]}]\n");
    Instant first = r.firstSlotAfter(clock.instant());
    assertThat(first).isAfter(clock.instant());
    clock.set(first.plusMillis(3));
    r.tick();
    clock.set(first.plus(INTERVAL).minusMillis(1)); // a tick a little early still takes the next slot
    r.tick();
    clock.set(first.plus(INTERVAL.multipliedBy(4)).plusMillis(200)); // two slots overrun
    r.tick();
    assertThat(ticks).containsExactly(
        new Tick(first, 0),
        new Tick(first.plus(INTERVAL), 0),
        new Tick(first.plus(INTERVAL.multipliedBy(4)), 2));
  }

  @Test
  void aFirstTickFiredJustBeforeItsSlotTakesThatSlot() {
    GroupRunner r = runner("groups: [{name: g, rules: [{alert: A, expr: vector(1)}]}]\n");
    Instant first = r.firstSlotAfter(clock.instant());
    clock.set(first.minusMillis(2)); // Quartz fires up to 2 ms early
    r.tick();
    clock.set(first.plus(INTERVAL).minusMillis(2));
    r.tick();
    assertThat(ticks).containsExactly(new Tick(first, 0), new Tick(first.plus(INTERVAL), 0));
  }

  @Test
  void aLateFirstTickTakesTheSlotBeforeIt() {
    GroupRunner r = runner("groups: [{name: g, rules: [{alert: A, expr: vector(1)}]}]\n");
    Instant first = r.firstSlotAfter(clock.instant());
    clock.set(first.plusMillis(900));
    r.tick();
    assertThat(ticks).containsExactly(new Tick(first, 0));
  }

  @Test
  void publishesStatusAfterEachEvaluation() {
    GroupRunner r = runner("""
        groups:
          - name: g
            rules:
              - alert: Up
                expr: up == 1
              - alert: Broken
                expr: 'label_replace(up, "x", "$1", "job", "(")'
        """);
    assertThat(r.status().evaluated()).isFalse();
    assertThat(r.status().rules()).extracting(RuleStatus::health).containsOnly(RuleHealth.UNKNOWN);
    long t = clock.instant().toEpochMilli();
    storage.append(Labels.of("__name__", "up", "job", "api"), t, 1);
    clock.set(r.firstSlotAfter(clock.instant()));
    r.tick();
    GroupStatus s = r.status();
    assertThat(s.evaluated()).isTrue();
    assertThat(s.rules().get(0).health()).isEqualTo(RuleHealth.OK);
    assertThat(s.rules().get(0).state()).isEqualTo(AlertStatus.FIRING);
    assertThat(s.rules().get(0).alerts()).hasSize(1);
    assertThat(s.rules().get(1).health()).isEqualTo(RuleHealth.ERR);
    assertThat(s.rules().get(1).lastError()).contains("invalid regular expression");
  }

  @Test
  void aBacklogTickAfterALateOneEvaluatesNothing() {
    GroupRunner r = runner("groups: [{name: g, rules: [{alert: A, expr: vector(1)}]}]\n");
    Instant first = r.firstSlotAfter(clock.instant());
    clock.set(first);
    r.tick();
    // The scheduler was held up for 2.5 intervals: the late tick takes the latest slot...
    clock.set(first.plus(INTERVAL.multipliedBy(2)).plus(INTERVAL.dividedBy(2)));
    r.tick();
    // ...and the delayed trigger firing right behind it evaluates nothing.
    clock.set(clock.instant().plusMillis(3));
    r.tick();
    assertThat(ticks).containsExactly(new Tick(first, 0), new Tick(first.plus(INTERVAL.multipliedBy(2)), 1));
  }
}
