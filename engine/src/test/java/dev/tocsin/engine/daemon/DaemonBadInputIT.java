package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.engine.cli.ProcessResult;
import dev.tocsin.engine.cli.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tocsin run} given bad input: an invalid configuration or rule file stops it at start with
 * positioned messages, and a Prometheus that answers HTML, too much JSON or nothing at all fails
 * only the rules that query it, within the datasource timeout, while LogQL rules go on.
 */
class DaemonBadInputIT {
  @TempDir Path dir;

  @Test
  void invalidConfigExitsOneWithEveryErrorPositioned() throws Exception {
    Files.writeString(dir.resolve("rules.yml"), "groups: []\n");
    Path config = Processes.write(dir, "tocsin.yml", """
        global:
          evaluation_interval: 1x
          scrape_interval: 1s
        rule_files: [rules.yml, missing.yml]
        datasources:
          prometheus: {url: 'localhost:9090', timeout: 5}
        alerting:
          alertmanagers: [{url: 'ftp://am'}]
        """);
    ProcessResult r = Processes.tocsin(null, "run", "--config.file", config.toString(),
        "--web.listen-address", "127.0.0.1:0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo(String.join("\n",
        config + ": 3:3: field scrape_interval not found in type config.GlobalConfig",
        config + ": 2:24: not a valid duration string: \"1x\"",
        config + ": 4:25: \"" + dir.resolve("missing.yml") + "\" does not point to an existing file",
        config + ": 6:21: invalid url \"localhost:9090\": scheme \"localhost\" is not http or https",
        config + ": 6:48: not a valid duration string: \"5\"",
        config + ": 8:25: invalid url \"ftp://am\": scheme \"ftp\" is not http or https", ""));
    assertThat(r.stdout()).doesNotContain("listening on");
  }

  @Test
  void brokenRuleFileAtStartExitsOneWithItsPosition() throws Exception {
    Path rules = Processes.write(dir, "rules.yml", """
        groups:
          - name: g
            rules:
              - alert: A
                expr: sum(up
        """);
    Path config = Processes.write(dir, "tocsin.yml", "rule_files: [rules.yml]\n");
    ProcessResult r = Processes.tocsin(null, "run", "--config.file", config.toString(),
        "--web.listen-address", "127.0.0.1:0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith(rules + ": 5:").contains("could not parse expression")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.stderr().lines().count()).isEqualTo(1);
  }

  /** Answers each PromQL rule's query with the fault its metric name asks for. */
  private static final class FaultyPrometheus extends Dispatcher {
    private static final String BIG = bigJson(10 << 20);

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String query = request.getBody() == null ? "" : request.getBody().utf8();
      if (query.contains("html_fault")) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
            .body("<html><body>Please log in</body></html>").build();
      }
      if (query.contains("big_fault")) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(BIG).build();
      }
      return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    /** A well-formed vector response of about {@code bytes} bytes. */
    private static String bigJson(int bytes) {
      StringBuilder b = new StringBuilder(bytes + 200)
          .append("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
      for (int i = 0; b.length() < bytes; i++) {
        b.append(i == 0 ? "" : ",").append("{\"metric\":{\"__name__\":\"big_fault\",\"i\":\"").append(i)
            .append("\"},\"value\":[1767409500,\"1\"]}");
      }
      return b.append("]}}").toString();
    }
  }

  @Test
  void faultyPrometheusFailsOnlyItsRulesWithinTheTimeout() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new FaultyPrometheus());
      server.start();
      Processes.write(dir, "streams.yml", """
          input_streams:
            - stream: '{app="shop"}'
              lines:
                - '"ERROR boom" @ 0s [repeat every 1s for 600]'
          """);
      Processes.write(dir, "rules.yml", """
          groups:
            - name: html
              rules: [{alert: HtmlFault, expr: html_fault > 0}]
            - name: big
              rules: [{alert: BigFault, expr: big_fault > 0}]
            - name: hang
              rules: [{alert: HangFault, expr: hang_fault > 0}]
            - name: logs
              type: loki
              rules: [{alert: Boom, expr: 'count_over_time({app="shop"} |= "boom" [10s]) > 0'}]
          """);
      Path config = Processes.write(dir, "tocsin.yml", """
          global: {evaluation_interval: 1s}
          rule_files: [rules.yml]
          datasources:
            prometheus: {url: '%s', timeout: 500ms}
            loki: {embedded: {streams_file: streams.yml}}
          """.formatted(server.url("/")));
      try (TocsinProcess tocsin = TocsinProcess.start(config, dir)) {
        String logs = "rule_group=\"" + dir.resolve("rules.yml") + ";logs\"";
        double start = tocsin.metric("tocsin_rule_group_iterations_total", logs);
        Poll.until("the LogQL group evaluated 4 more times", Duration.ofSeconds(10),
            () -> tocsin.metric("tocsin_rule_group_iterations_total", logs), n -> n >= start + 4);

        Map<String, String> errors = Map.of("HtmlFault", "not JSON: <html><body>Please log in",
            "BigFault", "is larger than the limit of 8388608 bytes", "HangFault", "timed out after 500ms");
        for (Map.Entry<String, String> e : errors.entrySet()) {
          JsonNode rule = tocsin.rule(e.getKey());
          assertThat(rule.path("health").asText()).as(e.getKey()).isEqualTo("err");
          assertThat(rule.path("lastError").asText()).as(e.getKey()).contains(e.getValue());
          assertThat(rule.path("evaluationTime").asDouble()).as(e.getKey() + " seconds").isLessThan(0.9);
        }
        JsonNode boom = tocsin.rule("Boom");
        assertThat(boom.path("health").asText()).isEqualTo("ok");
        assertThat(boom.path("alerts")).hasSize(1);
        assertThat(tocsin.metric("tocsin_rule_group_iterations_missed_total", "")).as("missed iterations").isZero();
        for (String group : new String[] {"html", "big", "hang"}) {
          String label = "rule_group=\"" + dir.resolve("rules.yml") + ";" + group + "\"";
          assertThat(tocsin.metric("tocsin_rule_evaluation_failures_total", label)).as(group).isGreaterThan(3);
        }
        assertThat(tocsin.metric("tocsin_rule_evaluation_failures_total", logs)).isZero();
        assertThat(Http.get(tocsin.url() + "/-/healthy").status()).isEqualTo(200);
        assertThat(Objects.requireNonNull(tocsin.process().logText())).doesNotContain("Exception");
      }
    }
  }

  @Test
  void hundredFaultyEvaluationsLeakNoThreadsOrConnections() throws Exception {
    Path proc = Path.of("/proc/self/task");
    Assumptions.assumeTrue(Files.isDirectory(proc), "needs /proc to count a process's threads and sockets");
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new FaultyPrometheus());
      server.start();
      Processes.write(dir, "rules.yml", """
          groups:
            - name: html
              rules: [{alert: HtmlFault, expr: html_fault > 0}]
            - name: big
              rules: [{alert: BigFault, expr: big_fault > 0}]
            - name: hang
              rules: [{alert: HangFault, expr: hang_fault > 0}]
          """);
      Path config = Processes.write(dir, "tocsin.yml", """
          global: {evaluation_interval: 300ms}
          rule_files: [rules.yml]
          datasources:
            prometheus: {url: '%s', timeout: 200ms}
          """.formatted(server.url("/")));
      try (TocsinProcess tocsin = TocsinProcess.start(config, dir)) {
        String failures = "tocsin_rule_evaluation_failures_total";
        // Warm up first: HTTP client threads and pooled connections are created on first use.
        double warm = Poll.until("10 failed evaluations", Duration.ofSeconds(10), () -> tocsin.metric(failures, ""),
            n -> n >= 10);
        long pid = tocsin.process().pid();
        long threads = count(Path.of("/proc", Long.toString(pid), "task"));
        long files = count(Path.of("/proc", Long.toString(pid), "fd"));
        Poll.until("100 more failed evaluations", Duration.ofSeconds(30), () -> tocsin.metric(failures, ""),
            n -> n >= warm + 100);
        assertThat(count(Path.of("/proc", Long.toString(pid), "task"))).as("threads").isLessThanOrEqualTo(threads + 2);
        assertThat(count(Path.of("/proc", Long.toString(pid), "fd"))).as("open files and sockets")
            .isLessThanOrEqualTo(files + 3);
        // Every evaluation failed; one scrape may fall between a group's two counter updates.
        double[] counts = tocsin.metrics("tocsin_rule_evaluations_total", failures);
        assertThat(counts[1]).as("failed of %s evaluations", counts[0]).isBetween(counts[0] - 3, counts[0]);
      }
    }
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
