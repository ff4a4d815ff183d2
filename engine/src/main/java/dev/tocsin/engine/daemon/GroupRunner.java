package dev.tocsin.engine.daemon;

import dev.tocsin.engine.eval.GroupEvaluation;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.eval.RuleOutcome;
import dev.tocsin.engine.state.AlertRuleState;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.engine.state.GroupSnapshot;
import dev.tocsin.engine.state.RestorePlan;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.Rule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one rule group on Prometheus' slot schedule: each tick evaluates at the next slot after the
 * last one, counting the slots an overrunning evaluation skipped, and publishes an immutable
 * {@link GroupStatus} for the API. Ticks of one group never overlap (they are serialised here and
 * by the scheduler).
 */
public final class GroupRunner {
  private static final Logger LOG = LoggerFactory.getLogger(GroupRunner.class);
  /**
   * Quartz fires a trigger up to 2 ms before its time, and the first fire time is the slot rounded
   * up to the millisecond; a first tick this close before a slot belongs to that slot.
   */
  private static final Duration EARLY_FIRST_TICK = Duration.ofMillis(5);

  private final GroupKey key;
  private final Duration interval;
  private final long offsetNanos;
  private final GroupEvaluator evaluator;
  private final Clock clock;
  private final EvaluationListener listener;
  private Instant lastSlot;
  private volatile GroupStatus status;

  public GroupRunner(GroupKey key, Duration interval, GroupEvaluator evaluator, Clock clock,
      EvaluationListener listener) {
    this.key = Objects.requireNonNull(key, "key is null");
    this.interval = Objects.requireNonNull(interval, "interval is null");
    this.offsetNanos = EvaluationSlots.offsetNanos(key.file(), key.name(), interval);
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.listener = Objects.requireNonNull(listener, "listener is null");
    List<RuleStatus> rules = new ArrayList<>();
    for (Rule r : evaluator.group().rules()) {
      rules.add(RuleStatus.unevaluated(r));
    }
    this.status = new GroupStatus(key, evaluator.group(), interval, null, Duration.ZERO, rules);
  }

  /** The group's identity. */
  public GroupKey key() {
    return key;
  }

  /** The effective evaluation interval. */
  public Duration interval() {
    return interval;
  }

  /** The evaluator, for state snapshots and hand-over on reload. */
  public GroupEvaluator evaluator() {
    return evaluator;
  }

  /** The status after the last evaluation. */
  public GroupStatus status() {
    return status;
  }

  /**
   * The group's alerts as they stand after its last evaluation, dated with that evaluation's slot
   * (or {@code now} before the first), so a restore counts the downtime from the last real evaluation.
   */
  public synchronized GroupSnapshot snapshot(Instant now) {
    return evaluator.snapshot(key.file(), lastSlot != null ? lastSlot : now);
  }

  /** Restores saved alerts before the first evaluation; see {@link GroupEvaluator#restore}. */
  public synchronized RestorePlan restore(GroupSnapshot saved, Instant now, Duration outageTolerance) {
    return evaluator.restore(saved, now, outageTolerance);
  }

  /** Takes over the alerts of the runner this one replaces on a reload. */
  public synchronized RestorePlan inherit(GroupSnapshot previous) {
    return evaluator.inherit(previous);
  }

  /** The first slot strictly after {@code now}: when a newly started group first evaluates. */
  public Instant firstSlotAfter(Instant now) {
    return EvaluationSlots.slotAtOrBefore(now, offsetNanos, interval).plus(interval);
  }

  /** One scheduler tick: evaluates the group at its next slot. */
  public synchronized void tick() {
    Instant now = clock.instant();
    long missed = 0;
    Instant slot;
    if (lastSlot == null) {
      // Without the allowance an early first tick took the previous slot, and the second tick then
      // counted a missed iteration that never happened (about one group in ten at start-up).
      slot = EvaluationSlots.slotAtOrBefore(now.plus(EARLY_FIRST_TICK), offsetNanos, interval);
    } else {
      long behind = Math.floorDiv(EvaluationSlots.toNanos(now) - EvaluationSlots.toNanos(lastSlot), interval.toNanos());
      // A tick that arrives a little early still advances one slot; a late one skips the slots it missed.
      missed = Math.max(0, behind - 1);
      slot = lastSlot.plus(interval.multipliedBy(missed + 1));
      if (slot.isAfter(now.plus(EARLY_FIRST_TICK))) {
        // A backlog tick: the scheduler fires triggers it delayed once the group is free again, but
        // the late tick before it has already evaluated the latest slot.
        return;
      }
    }
    Instant due = lastSlot == null ? slot : lastSlot.plus(interval);
    Duration previousTook = status.evaluationTime();
    lastSlot = slot;
    String evaluationId = CorrelationIds.next();
    MDC.put("correlation_id", evaluationId);
    try {
      if (missed > 0) {
        // How late this tick came and how long the previous evaluation took tell an overrun from a stalled scheduler.
        LOG.atWarn().addKeyValue("event", "iterations_missed").addKeyValue("rule_group", key.metricLabel())
            .addKeyValue("missed", missed).addKeyValue("late_seconds", Duration.between(due, now).toNanos() / 1e9)
            .addKeyValue("previous_duration_seconds", previousTook.toNanos() / 1e9)
            .log("group {} missed {} iterations: this evaluation started {} after its slot, its interval is {}",
                key.metricLabel(), missed, Duration.between(due, now), interval);
      }
      long start = System.nanoTime();
      GroupEvaluation evaluation = evaluator.evaluate(slot);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      status = statusAfter(evaluation, now, took);
      logOutcome(evaluation, took);
      listener.evaluated(this, evaluation, missed, evaluationId);
    } catch (RuntimeException e) {
      // An evaluator bug must not kill the schedule; the group tries again at its next slot.
      LOG.atError().addKeyValue("event", "group_evaluation_crashed").addKeyValue("rule_group", key.metricLabel())
          .setCause(e).log("evaluation of group {} failed: {}", key.metricLabel(), e.toString());
    } finally {
      MDC.remove("correlation_id");
    }
  }

  /** A warning per failed rule, as Prometheus logs "Evaluating rule failed", and a debug line per evaluation. */
  private void logOutcome(GroupEvaluation evaluation, Duration took) {
    int failures = 0;
    for (RuleOutcome o : evaluation.rules()) {
      if (o.health() == RuleHealth.ERR) {
        failures++;
        LOG.atWarn().addKeyValue("event", "rule_evaluation_failed").addKeyValue("rule_group", key.metricLabel())
            .addKeyValue("rule", o.rule().name()).addKeyValue("error", o.lastError())
            .log("evaluating rule {} of group {} failed: {}", o.rule().name(), key.metricLabel(), o.lastError());
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.atDebug().addKeyValue("event", "group_evaluated").addKeyValue("rule_group", key.metricLabel())
          .addKeyValue("rules", evaluation.rules().size()).addKeyValue("failures", failures)
          .addKeyValue("notifications", evaluation.notifications().size())
          .addKeyValue("duration_seconds", took.toNanos() / 1e9)
          .log("evaluated group {} at {}", key.metricLabel(), evaluation.timestamp());
    }
  }

  private GroupStatus statusAfter(GroupEvaluation evaluation, Instant wallStart, Duration took) {
    List<RuleStatus> rules = new ArrayList<>();
    List<RuleOutcome> outcomes = evaluation.rules();
    for (int i = 0; i < outcomes.size(); i++) {
      RuleOutcome o = outcomes.get(i);
      if (o.rule() instanceof AlertingRule) {
        AlertRuleState s = evaluator.alertState(i);
        rules.add(new RuleStatus(o.rule(), o.health(), o.lastError(), wallStart, o.duration(), s.activeAlerts(),
            s.ruleStatus()));
      } else {
        rules.add(new RuleStatus(o.rule(), o.health(), o.lastError(), wallStart, o.duration(), List.of(),
            AlertStatus.INACTIVE));
      }
    }
    return new GroupStatus(key, evaluator.group(), interval, wallStart, took, rules);
  }
}
