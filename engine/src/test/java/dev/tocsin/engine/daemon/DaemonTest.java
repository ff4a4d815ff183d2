package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.engine.config.AlertingConfig;
import dev.tocsin.engine.config.DatasourcesConfig;
import dev.tocsin.engine.config.EmbeddedDatasourceConfig;
import dev.tocsin.engine.config.GlobalConfig;
import dev.tocsin.engine.config.StateConfig;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.OutgoingAlert;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon on the real wall clock and scheduler, with 1 s groups over embedded data. */
class DaemonTest {
  @TempDir Path dir;

  private final List<OutgoingAlert> sent = new CopyOnWriteArrayList<>();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private Daemon daemon;

  /** Collects what the daemon sends. */
  private final class Capture implements Notifier {
    @Override
    public void send(List<OutgoingAlert> alerts) {
      sent.addAll(alerts);
    }

    @Override
    public void close(Duration deadline) {}
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close(Duration.ofSeconds(2));
    }
  }

  private TocsinConfig config(String rules) throws IOException {
    Path series = Files.writeString(dir.resolve("series.yml"), """
        interval: 1s
        input_series:
          - series: 'up{job="api", instance="a:1"}'
            values: '0x600'
          - series: 'up{job="db", instance="d:1"}'
            values: '1x600'
        """);
    Path ruleFile = Files.writeString(dir.resolve("rules.yml"), rules);
    return new TocsinConfig(dir.resolve("tocsin.yml"),
        new GlobalConfig(Duration.ofSeconds(1), Duration.ZERO, Labels.of("cluster", "test"), "http://tocsin:9097", 2),
        List.of(ruleFile), new DatasourcesConfig(new EmbeddedDatasourceConfig(series, null), null),
        new AlertingConfig(List.of(), Duration.ofMinutes(1)), null,
        new StateConfig(null, StateConfig.DEFAULT_OUTAGE_TOLERANCE));
  }

  private Daemon daemon() {
    return new Daemon(Clock.systemUTC(),
        (c, start) -> new Daemon.Components(
            Datasources.create(c.datasources(), start, c.global().externalUrl(), null), List.of(new Capture())),
        new DaemonMetrics(registry), StatePersistence.NONE, 2);
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within %s", timeout).isLessThan(end);
      Thread.sleep(50);
    }
  }

  @Test
  void alertGoesPendingThenFiresAndIsSent() throws Exception {
    daemon = daemon();
    daemon.start(config("""
        groups:
          - name: availability
            rules:
              - alert: TargetDown
                expr: up == 0
                for: 2s
                labels: {severity: critical}
                annotations:
                  summary: '{{ $labels.job }} on {{ $labels.instance }} is down'
        """));
    assertThat(daemon.ready()).isFalse();
    await(() -> !sent.isEmpty(), Duration.ofSeconds(10));
    OutgoingAlert a = sent.get(0);
    assertThat((Object) a.labels()).isEqualTo(
        Labels.of("alertname", "TargetDown", "instance", "a:1", "job", "api", "severity", "critical"));
    assertThat(a.annotations().get("summary")).isEqualTo("api on a:1 is down");
    assertThat(a.generatorUrl()).isEqualTo("http://tocsin:9097/graph?g0.expr=up+%3D%3D+0&g0.tab=1");
    assertThat(a.evaluationId()).matches("[0-9a-f]{16}");
    assertThat(a.endsAt()).isAfter(a.startsAt());
    assertThat(daemon.ready()).isTrue();
    GroupStatus g = daemon.groups().get(0);
    assertThat(g.rules().get(0).health()).isEqualTo(RuleHealth.OK);
    // Pending first: the alert fired at least 'for' after it became active.
    assertThat(Duration.between(g.rules().get(0).alerts().get(0).activeAt(), a.startsAt()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    String metrics = registry.scrape();
    assertThat(metrics).contains("tocsin_rule_group_iterations_total{rule_group=\"" + dir.resolve("rules.yml") + ";availability\"}");
    assertThat(metrics).contains("tocsin_rule_group_iterations_missed_total");
  }

  @Test
  void reloadKeepsUnchangedGroupsAndRejectsBrokenFiles() throws Exception {
    daemon = daemon();
    String rules = """
        groups:
          - name: a
            rules: [{alert: Down, expr: up == 0}]
          - name: b
            rules: [{record: job:up, expr: sum by (job) (up)}]
        """;
    TocsinConfig config = config(rules);
    daemon.start(config);
    await(daemon::ready, Duration.ofSeconds(10));
    GroupStatus beforeA = daemon.groups().get(0);

    Files.writeString(config.ruleFiles().get(0), "groups: [{name: a, rules: [{alert: Down, expr: 'up =='}]}]\n");
    assertThatThrownBy(() -> daemon.reload(config)).isInstanceOf(Daemon.StartException.class)
        .hasMessageContaining("rules.yml: 1:54: group \"a\", rule 1, \"Down\": could not parse expression");
    assertThat(daemon.groups()).hasSize(2);

    // Group b changes, group a keeps its text (its position in the file moves, which does not count).
    Files.writeString(config.ruleFiles().get(0), """
        # comment that moves everything down
        groups:
          - name: a
            rules: [{alert: Down, expr: up == 0}]
          - name: b
            rules: [{record: job:up, expr: max by (job) (up)}]
        """);
    daemon.reload(config);
    assertThat(daemon.groups()).hasSize(2);
    GroupStatus afterA = daemon.groups().get(0);
    assertThat(afterA.group()).isSameAs(beforeA.group());
    assertThat(daemon.groups().get(1).group().rules().get(0).query().text()).isEqualTo("max by (job) (up)");
    await(daemon::ready, Duration.ofSeconds(10));
  }
}
