package dev.tocsin.engine.daemon;

import dev.tocsin.engine.eval.GroupEvaluation;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.eval.RuleOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The rule manager's counters, named as Prometheus' with the {@code tocsin_} prefix and the
 * {@code rule_group="file;group"} label: evaluations, evaluation failures, group iterations and
 * missed iterations.
 */
public final class DaemonMetrics {
  private final MeterRegistry registry;

  public DaemonMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry the counters live in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Creates a group's counters at zero, so they are exported before its first evaluation. */
  void register(GroupKey group) {
    Tags t = tags(group);
    counter("tocsin.rule.evaluations", t);
    counter("tocsin.rule.evaluation.failures", t);
    counter("tocsin.rule.group.iterations", t);
    counter("tocsin.rule.group.iterations.missed", t);
  }

  /** Counts one group evaluation and the iterations it skipped. */
  void evaluated(GroupKey group, GroupEvaluation evaluation, long missed) {
    Tags t = tags(group);
    int failures = 0;
    for (RuleOutcome o : evaluation.rules()) {
      if (o.health() == RuleHealth.ERR) {
        failures++;
      }
    }
    counter("tocsin.rule.evaluations", t).increment(evaluation.rules().size());
    if (failures > 0) {
      counter("tocsin.rule.evaluation.failures", t).increment(failures);
    }
    // As in Prometheus, a missed iteration counts both as missed and as an iteration.
    counter("tocsin.rule.group.iterations", t).increment(1 + missed);
    if (missed > 0) {
      counter("tocsin.rule.group.iterations.missed", t).increment(missed);
    }
  }

  /** Removes a group's series when the group is gone after a reload. */
  void remove(GroupKey group) {
    Tags t = tags(group);
    for (String name : new String[] {"tocsin.rule.evaluations", "tocsin.rule.evaluation.failures",
        "tocsin.rule.group.iterations", "tocsin.rule.group.iterations.missed"}) {
      Counter c = registry.find(name).tags(t).counter();
      if (c != null) {
        registry.remove(c);
      }
    }
  }

  private Counter counter(String name, Tags tags) {
    return registry.counter(name, tags);
  }

  private static Tags tags(GroupKey group) {
    return Tags.of("rule_group", group.metricLabel());
  }
}
