package dev.tocsin.engine.daemon;

import dev.tocsin.engine.eval.EvaluationSettings;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.PrometheusTemplateExpander;
import dev.tocsin.engine.eval.SampleSink;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.RuleGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Group runners over an in-memory PromQL engine, ticked by hand in tests. */
public final class GroupRunners {
  private GroupRunners() {}

  /** A runner of {@code group} every {@code interval} that queries {@code storage}. */
  public static GroupRunner runner(GroupKey key, RuleGroup group, Duration interval, MemoryStorage storage,
      Clock clock, EvaluationListener listener) {
    MemoryPromqlEngine engine = new MemoryPromqlEngine(storage, EngineOptions.DEFAULT);
    EvaluationSettings settings = new EvaluationSettings(interval, Duration.ZERO, Duration.ofMinutes(1), Labels.EMPTY,
        "http://tocsin:9097", "http://prometheus:9090");
    GroupEvaluator evaluator = new GroupEvaluator(group, Map.of(QueryLanguage.PROMQL, engine), settings,
        SampleSink.DISCARD, new PrometheusTemplateExpander(engine, Labels.EMPTY, "http://tocsin:9097"),
        System::nanoTime);
    return new GroupRunner(key, interval, evaluator, clock, listener);
  }
}
