package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tocsin.model.testing.PeerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real headless browser (Debian's chromium) while the built jar evaluates
 * rules every second on embedded data: the firing alert is listed with its labels, annotations
 * and source link, markup in values stays text, and a screenshot lands in {@code target/}.
 */
class StatusPageBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path dir;
  private static ServerProcess tocsin;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      String msg = CHROMIUM + " is missing (apt-get install chromium; .ci/run installs it)";
      if ("true".equals(System.getenv("CI"))) {
        fail(msg + "; under CI=true this is a failure, not a skip");
      }
      assumeTrue(false, msg + "; skipping");
    }
    Files.writeString(dir.resolve("series.yml"), """
        interval: 1s
        input_series:
          - series: 'up{job="api", instance="api-1:8080"}'
            values: '0x600'
          - series: 'up{job="db", instance="db-1:5432"}'
            values: '1x600'
        """);
    Files.writeString(dir.resolve("streams.yml"), """
        input_streams:
          - stream: '{app="shop"}'
            lines:
              - '"ERROR payment <declined>" @ 0s [repeat every 1s for 600]'
        """);
    Files.writeString(dir.resolve("rules.yml"), """
        groups:
          - name: availability
            interval: 1s
            rules:
              - alert: InstanceDown
                expr: up == 0
                for: 2s
                labels: {severity: page}
                annotations:
                  summary: '{{ $labels.instance }} is <b>down</b>'
                  runbook_url: https://runbooks.example.org/instance-down
              - record: job:up:sum
                expr: sum by (job) (up)
          - name: shop-logs
            type: loki
            interval: 1s
            rules:
              - alert: PaymentErrors
                expr: sum(count_over_time({app="shop"} |= "ERROR" [10s])) > 0
                labels: {severity: ticket}
        """);
    Files.writeString(dir.resolve("tocsin.yml"), """
        global: {evaluation_interval: 1s, external_url: 'http://tocsin.example:9097'}
        rule_files: [rules.yml]
        datasources:
          prometheus: {embedded: {series_file: series.yml}}
          loki: {embedded: {streams_file: streams.yml}}
        """);
    int port = PeerProcess.freePort();
    url = "http://127.0.0.1:" + port;
    tocsin = ServerProcess.tocsin(dir, "run", "--config.file", "tocsin.yml", "--web.listen-address",
        "127.0.0.1:" + port);
    tocsin.await(HttpClient.newHttpClient(), url + "/api/v1/alerts", r -> r.body().contains("\"firing\""),
        Duration.ofSeconds(40));
  }

  @AfterAll
  static void stop() throws Exception {
    if (tocsin != null) {
      tocsin.close();
    }
  }

  /** Runs headless chromium with the flags that keep it off the network and away from the user's profile. */
  private static String chromium(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("chromium-profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile())
        .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90s: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium: " + read(dir.resolve("chromium.err"))).isZero();
    return read(out);
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void firingAlertIsListedWithItsDetailsAndAScreenshotIsSaved() throws Exception {
    String dom = chromium("--dump-dom", url + "/");
    assertThat(dom).contains("<title>Tocsin</title>")
        .contains("<span class=\"state firing\">firing</span></td><td class=\"alertname\">InstanceDown</td>")
        .contains("<span class=\"lbl\">instance=\"api-1:8080\"</span>")
        .contains("<span class=\"lbl\">severity=\"page\"</span>")
        .contains("<dd>api-1:8080 is &lt;b&gt;down&lt;/b&gt;</dd>")
        .contains("href=\"http://tocsin.example:9097/graph?g0.expr=up+%3D%3D+0&amp;g0.tab=1\">source</a>")
        .contains("<td>logql</td>").contains("record: job:up:sum").contains(" ago)")
        .doesNotContain("<b>down</b>");
    assertThat(dom).as("the healthy instance has no alert").doesNotContain("instance=\"db-1:5432\"");
    Path screenshot = Path.of("target", "status-page.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    chromium("--screenshot=" + screenshot, "--window-size=1280,900", url + "/");
    assertThat(screenshot).exists();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png.length).as("a real image").isGreaterThan(10_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void ruleLinkShowsOneRule() throws Exception {
    String dom = chromium("--dump-dom", url + "/rules?group=shop-logs&rule=PaymentErrors");
    assertThat(dom).contains("alert: PaymentErrors").doesNotContain("alert: InstanceDown")
        .contains("Showing group shop-logs, rule PaymentErrors");
  }
}
