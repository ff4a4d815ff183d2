package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.tocsin.engine.eval.EvaluationSettings;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.PrometheusTemplateExpander;
import dev.tocsin.engine.eval.SampleSink;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.rules.model.QueryLanguage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The self-metrics of rule groups, alerts, datasources, templates and reloads, read from a scrape. */
class DaemonMetricsTest {
  private static final Duration INTERVAL = Duration.ofSeconds(15);
  private static final String RULES = """
      groups:
        - name: g
          rules:
            - alert: Up
              expr: up == 1
              annotations: {summary: '{{ $value | humanize "extra" }}'}
            - alert: Waiting
              expr: up == 1
              for: 1h
            - alert: Broken
              expr: 'label_replace(up, "x", "$1", "job", "(")'
        """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final MemoryStorage storage = new MemoryStorage();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DaemonMetrics metrics = new DaemonMetrics(registry);

  private GroupRunner runner(String file) {
    Datasources ds = new Datasources(Map.of(QueryLanguage.PROMQL, new MemoryPromqlEngine(storage, EngineOptions.DEFAULT)),
        SampleSink.DISCARD, null).timed(registry);
    EvaluationSettings settings = new EvaluationSettings(INTERVAL, Duration.ZERO, Duration.ofMinutes(1), Labels.EMPTY,
        "http://tocsin:9097", "http://prometheus:9090");
    GroupEvaluator evaluator = new GroupEvaluator(GroupRunnerTest.group(RULES), ds.clients(), settings,
        SampleSink.DISCARD, new PrometheusTemplateExpander(ds.templateQueries(), Labels.EMPTY, "http://tocsin:9097",
            metrics::templateExpansionFailed), System::nanoTime);
    return new GroupRunner(new GroupKey(file, "g"), INTERVAL, evaluator, clock,
        (r, evaluation, missed, id) -> metrics.evaluated(r, evaluation, missed));
  }

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("%s in%n%s", series, scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void groupSeriesExistAtZeroBeforeTheFirstEvaluation() {
    GroupRunner r = runner("a.yml");
    metrics.register(r);
    String s = registry.scrape();
    assertThat(value(s, "tocsin_rule_group_rules{rule_group=\"a.yml;g\"}")).isEqualTo(3);
    assertThat(value(s, "tocsin_rule_group_interval_seconds{rule_group=\"a.yml;g\"}")).isEqualTo(15);
    assertThat(value(s, "tocsin_rule_group_last_evaluation_timestamp_seconds{rule_group=\"a.yml;g\"}")).isZero();
    assertThat(value(s, "tocsin_rule_evaluation_failures_total{rule_group=\"a.yml;g\"}")).isZero();
    assertThat(value(s, "tocsin_rule_group_iterations_missed_total{rule_group=\"a.yml;g\"}")).isZero();
    assertThat(value(s, "tocsin_alerts{state=\"firing\"}")).isZero();
    assertThat(value(s, "tocsin_template_expansion_failures_total")).isZero();
    assertThat(value(s, "tocsin_config_last_reload_successful")).isZero();
  }

  @Test
  void evaluationUpdatesCountersGaugesAlertsAndTimings() {
    GroupRunner r = runner("a.yml");
    metrics.register(r);
    Instant slot = r.firstSlotAfter(clock.instant());
    storage.append(Labels.of("__name__", "up", "job", "api"), slot.toEpochMilli() - 1000, 1);
    storage.append(Labels.of("__name__", "up", "job", "db"), slot.toEpochMilli() - 1000, 1);
    clock.set(slot);
    r.tick();
    clock.set(slot.plus(INTERVAL.multipliedBy(3))); // two slots missed
    r.tick();
    String s = registry.scrape();
    String g = "{rule_group=\"a.yml;g\"}";
    assertThat(value(s, "tocsin_rule_evaluations_total" + g)).isEqualTo(6);
    assertThat(value(s, "tocsin_rule_evaluation_failures_total" + g)).isEqualTo(2);
    assertThat(value(s, "tocsin_rule_group_iterations_total" + g)).isEqualTo(4);
    assertThat(value(s, "tocsin_rule_group_iterations_missed_total" + g)).isEqualTo(2);
    Instant last = slot.plus(INTERVAL.multipliedBy(3));
    assertThat(value(s, "tocsin_rule_group_last_evaluation_timestamp_seconds" + g))
        .isCloseTo(last.getEpochSecond() + last.getNano() / 1e9, offset(1e-6));
    assertThat(value(s, "tocsin_rule_group_duration_seconds_count")).isEqualTo(2);
    assertThat(s).contains("tocsin_rule_group_duration_seconds{quantile=\"0.99\"}");
    // Up fires at once for two series; Waiting stays pending for its hour.
    assertThat(value(s, "tocsin_alerts{state=\"firing\"}")).isEqualTo(2);
    assertThat(value(s, "tocsin_alerts{state=\"pending\"}")).isEqualTo(2);
    // Three queries per evaluation, the failing one included.
    assertThat(value(s, "tocsin_datasource_request_duration_seconds_count{datasource=\"prometheus\"}")).isEqualTo(6);
    // The summary's humanize gets one argument too many: two series in each of two evaluations.
    assertThat(value(s, "tocsin_template_expansion_failures_total")).isEqualTo(4);
  }

  @Test
  void removedGroupLosesEverySeriesAndOthersKeepTheirs() {
    GroupRunner a = runner("a.yml");
    GroupRunner b = runner("b.yml");
    metrics.register(a);
    metrics.register(b);
    clock.set(a.firstSlotAfter(clock.instant()));
    a.tick();
    metrics.remove(a.key());
    a.tick(); // an evaluation still running when its group was removed must not bring the series back
    String s = registry.scrape();
    assertThat(s).doesNotContain("a.yml;g");
    assertThat(s).contains("tocsin_rule_group_rules{rule_group=\"b.yml;g\"}");
    assertThat(value(s, "tocsin_alerts{state=\"firing\"}")).isZero();
  }

  @Test
  void reloadOutcomeAndTimestamp() {
    Instant at = Instant.parse("2026-11-29T10:00:00.5Z");
    metrics.configLoaded(true, at);
    metrics.configLoaded(false, at.plusSeconds(60));
    String s = registry.scrape();
    assertThat(value(s, "tocsin_config_last_reload_successful")).isZero();
    assertThat(value(s, "tocsin_config_last_reload_success_timestamp_seconds")).isEqualTo(at.toEpochMilli() / 1000.0);
  }
}
