package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.config.ConfigLoadResult;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.config.TocsinConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the metrics tests share: a daemon configuration around one quiet rule, and scrape reading. */
final class MetricsFixture {
  private MetricsFixture() {}

  /**
   * Writes a tocsin.yml with one rule that never fires on an embedded datasource, plus {@code
   * notifying} (the {@code notifications:} or {@code alerting:} section), and loads it.
   */
  static TocsinConfig config(Path dir, String notifying) throws Exception {
    Files.writeString(dir.resolve("series.yml"), "interval: 1s\ninput_series: [{series: 'up{job=\"a\"}', values: '1x10'}]\n");
    Files.writeString(dir.resolve("rules.yml"), "groups: [{name: g, rules: [{alert: A, expr: up == 0}]}]\n");
    Path file = Files.writeString(dir.resolve("tocsin.yml"), """
        global: {evaluation_interval: 1h}
        rule_files: [rules.yml]
        datasources:
          prometheus: {embedded: {series_file: series.yml}}
        """ + notifying);
    ConfigLoadResult loaded = new TocsinConfigLoader().load(file);
    assertThat(loaded.errors()).isEmpty();
    return loaded.config();
  }

  /** The value of one series in Prometheus' text format, failing when it is absent. */
  static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("%s in%n%s", series, scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
