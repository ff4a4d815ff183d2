package dev.tocsin.engine.daemon;

import dev.tocsin.engine.eval.GroupEvaluation;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.eval.RuleOutcome;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.engine.state.AlertStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The rule manager's metrics, named as Prometheus' {@code prometheus_rule_*}, {@code
 * prometheus_config_*} and {@code prometheus_template_*} with the {@code tocsin_} prefix and the
 * {@code rule_group="file;group"} label where Prometheus has it; docs/metrics.md maps each one.
 * A group's series are created at zero when it starts and deleted when a reload removes it.
 */
public final class DaemonMetrics {
  private static final String RULE_GROUP = "rule_group";

  private final MeterRegistry registry;
  private final Map<GroupKey, GroupGauges> groups = new ConcurrentHashMap<>();
  private final Timer groupDuration;
  private final Counter templateFailures;
  private final AtomicLong reloadSuccessful = new AtomicLong();
  private final AtomicLong reloadSuccessMillis = new AtomicLong();

  /** The gauges of one group, read by Micrometer at scrape time. */
  private static final class GroupGauges {
    volatile double rules;
    volatile double intervalSeconds;
    volatile double lastEvaluationSeconds;
    volatile double lastDurationSeconds;
    volatile double lastSamples;
    volatile int pending;
    volatile int firing;
  }

  public DaemonMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Prometheus' summary objectives for prometheus_rule_group_duration_seconds, over all groups.
    this.groupDuration = Timer.builder("tocsin.rule.group.duration").description("The duration of rule group evaluations.")
        .publishPercentiles(0.01, 0.05, 0.5, 0.9, 0.99).register(registry);
    this.templateFailures = Counter.builder("tocsin.template.expansion.failures")
        .description("The number of label and annotation template expansions that failed.").register(registry);
    Gauge.builder("tocsin.config.last.reload.successful", reloadSuccessful, AtomicLong::get)
        .description("Whether the last configuration reload attempt was successful.").register(registry);
    Gauge.builder("tocsin.config.last.reload.success.timestamp", reloadSuccessMillis, m -> m.get() / 1000.0)
        .baseUnit("seconds").description("Timestamp of the last successful configuration reload.").register(registry);
    for (AlertStatus s : new AlertStatus[] {AlertStatus.PENDING, AlertStatus.FIRING}) {
      Gauge.builder("tocsin.alerts", groups, m -> count(m, s)).tag("state", s.id())
          .description("The number of active alerts in this state, over all groups.").register(registry);
    }
  }

  /** The registry the metrics live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Creates a group's series at zero (or updates its rule count and interval when a reload changed it). */
  void register(GroupRunner runner) {
    GroupKey group = runner.key();
    Tags t = tags(group);
    counter("tocsin.rule.evaluations", t, "The total number of rule evaluations.");
    counter("tocsin.rule.evaluation.failures", t, "The total number of rule evaluation failures.");
    counter("tocsin.rule.group.iterations", t, "The total number of scheduled rule group evaluations, missed or not.");
    counter("tocsin.rule.group.iterations.missed", t,
        "The total number of rule group evaluations missed due to slow rule group evaluation.");
    GroupGauges g = groups.computeIfAbsent(group, k -> {
      GroupGauges fresh = new GroupGauges();
      gauge("tocsin.rule.group.rules", t, fresh, x -> x.rules, null, "The number of rules.");
      gauge("tocsin.rule.group.interval", t, fresh, x -> x.intervalSeconds, "seconds", "The interval of a rule group.");
      gauge("tocsin.rule.group.last.evaluation.timestamp", t, fresh, x -> x.lastEvaluationSeconds, "seconds",
          "The timestamp of the last rule group evaluation in seconds.");
      gauge("tocsin.rule.group.last.duration", t, fresh, x -> x.lastDurationSeconds, "seconds",
          "The duration of the last rule group evaluation.");
      gauge("tocsin.rule.group.last.evaluation.samples", t, fresh, x -> x.lastSamples, null,
          "The number of samples returned during the last rule group evaluation.");
      return fresh;
    });
    g.rules = runner.evaluator().group().rules().size();
    g.intervalSeconds = seconds(runner.interval());
  }

  /** Counts one group evaluation and the iterations it skipped, and records its timing and alerts. */
  void evaluated(GroupRunner runner, GroupEvaluation evaluation, long missed) {
    GroupKey group = runner.key();
    GroupGauges g = groups.get(group);
    if (g == null) {
      // The group was removed by a reload while this evaluation ran; don't bring its series back.
      return;
    }
    Tags t = tags(group);
    int failures = 0;
    long samples = 0;
    for (RuleOutcome o : evaluation.rules()) {
      samples += o.samples();
      if (o.health() == RuleHealth.ERR) {
        failures++;
      }
    }
    counter("tocsin.rule.evaluations", t, null).increment(evaluation.rules().size());
    if (failures > 0) {
      counter("tocsin.rule.evaluation.failures", t, null).increment(failures);
    }
    // As in Prometheus, a missed iteration counts both as missed and as an iteration.
    counter("tocsin.rule.group.iterations", t, null).increment(1 + missed);
    if (missed > 0) {
      counter("tocsin.rule.group.iterations.missed", t, null).increment(missed);
    }
    GroupStatus status = runner.status();
    groupDuration.record(status.evaluationTime());
    Instant at = status.lastEvaluation();
    g.lastEvaluationSeconds = at == null ? 0 : at.getEpochSecond() + at.getNano() / 1e9;
    g.lastDurationSeconds = seconds(status.evaluationTime());
    g.lastSamples = samples;
    int pending = 0;
    int firing = 0;
    for (RuleStatus r : status.rules()) {
      for (Alert a : r.alerts()) {
        if (a.status() == AlertStatus.PENDING) {
          pending++;
        } else if (a.status() == AlertStatus.FIRING) {
          firing++;
        }
      }
    }
    g.pending = pending;
    g.firing = firing;
  }

  /** Removes a group's series when the group is gone after a reload. */
  void remove(GroupKey group) {
    groups.remove(group);
    for (Meter m : Search.in(registry).tag(RULE_GROUP, group.metricLabel()).meters()) {
      registry.remove(m);
    }
  }

  /** Counts a label or annotation template that expanded to an error. */
  public void templateExpansionFailed() {
    templateFailures.increment();
  }

  /** Records the outcome of loading the configuration, at start or on a reload. */
  public void configLoaded(boolean successful, Instant at) {
    reloadSuccessful.set(successful ? 1 : 0);
    if (successful) {
      reloadSuccessMillis.set(at.toEpochMilli());
    }
  }

  private static double count(Map<GroupKey, GroupGauges> groups, AlertStatus s) {
    double n = 0;
    for (GroupGauges g : groups.values()) {
      n += s == AlertStatus.PENDING ? g.pending : g.firing;
    }
    return n;
  }

  private Counter counter(String name, Tags tags, String help) {
    return Counter.builder(name).tags(tags).description(help).register(registry);
  }

  private <T> void gauge(String name, Tags tags, T state, ToDoubleFunction<T> f, String unit,
      String help) {
    Gauge.builder(name, state, f).tags(tags).baseUnit(unit).description(help).register(registry);
  }

  private static Tags tags(GroupKey group) {
    return Tags.of(RULE_GROUP, group.metricLabel());
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
