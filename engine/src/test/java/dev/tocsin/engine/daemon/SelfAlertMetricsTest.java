package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.config.ConfigLoadResult;
import dev.tocsin.engine.config.TocsinConfigLoader;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every metric examples/tocsin_self_alerts.yml alerts on is exported by a freshly started daemon. */
class SelfAlertMetricsTest {
  @TempDir Path dir;

  @Test
  void selfAlertsUseOnlyMetricsTheDaemonExports() throws Exception {
    Set<String> used = new TreeSet<>();
    LoadResult rules = new RuleFileLoader(LoadOptions.DEFAULT).load(Path.of("../examples/tocsin_self_alerts.yml"));
    assertThat(rules.hasErrors()).isFalse();
    for (Rule rule : rules.file().groups().get(0).rules()) {
      Matcher m = Pattern.compile("\\btocsin_[a-z_]+").matcher(rule.query().text());
      while (m.find()) {
        used.add(m.group());
      }
    }
    assertThat(used).hasSizeGreaterThanOrEqualTo(9);
    Files.writeString(dir.resolve("series.yml"), "interval: 1s\ninput_series: [{series: 'up{job=\"a\"}', values: '1x10'}]\n");
    Files.writeString(dir.resolve("rules.yml"), "groups: [{name: g, rules: [{alert: A, expr: up == 0}]}]\n");
    Path config = Files.writeString(dir.resolve("tocsin.yml"), """
        global: {evaluation_interval: 1h, external_url: "http://tocsin:9097"}
        rule_files: [rules.yml]
        datasources:
          prometheus: {embedded: {series_file: series.yml}}
        alerting:
          # Nothing listens here; nothing is sent before the first evaluation, an hour away.
          alertmanagers: [{url: 'http://127.0.0.1:9'}]
        """);
    ConfigLoadResult loaded = new TocsinConfigLoader().load(config);
    assertThat(loaded.errors()).isEmpty();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Daemon daemon = new Daemon(Clock.systemUTC(), new DaemonComponents(registry, line -> {}, Clock.systemUTC()),
        new DaemonMetrics(registry), StatePersistence.NONE, 1);
    try {
      daemon.start(loaded.config());
      Set<String> exported = new TreeSet<>();
      Matcher names = Pattern.compile("(?m)^(tocsin_[a-z_]+)[{ ]").matcher(registry.scrape());
      while (names.find()) {
        exported.add(names.group(1));
      }
      assertThat(exported).containsAll(used);
    } finally {
      daemon.close(Duration.ZERO);
    }
  }
}
