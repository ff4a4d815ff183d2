package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tocsin's {@code /api/v1/rules} and {@code /api/v1/alerts} against a real Prometheus 2.42
 * evaluating the same PromQL rules on its own scrape data: Tocsin's key paths are a superset of
 * Prometheus', with the same JSON types, and both agree on the rules and alert states.
 */
class PrometheusApiShapeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String RULES = """
      groups:
        - name: shape
          interval: 1s
          rules:
            - alert: AlwaysFiring
              expr: up{job="self"} == 1
              labels:
                severity: page
              annotations:
                summary: '{{ $labels.instance }} is up'
            - alert: StaysPending
              expr: up{job="self"} == 1
              for: 1h
              keep_firing_for: 5m
            - record: job:up:sum
              expr: sum by (job) (up)
        - name: limited
          interval: 1s
          limit: 10
          rules:
            - alert: NeverFires
              expr: up{job="self"} == 2
      """;

  @TempDir static Path dir;
  private static ServerProcess prometheus;
  private static ServerProcess tocsin;
  private static String promUrl;
  private static String tocsinUrl;

  @BeforeAll
  static void start() throws Exception {
    Path binary = SharedDir.peers().resolve("usr/bin/prometheus");
    assertThat(binary).as("prometheus unpacked by scripts/peers.sh").exists();
    Files.writeString(dir.resolve("rules.yml"), RULES);
    int promPort = PeerProcess.freePort();
    promUrl = "http://127.0.0.1:" + promPort;
    Files.writeString(dir.resolve("prometheus.yml"), """
        global: {scrape_interval: 1s, evaluation_interval: 1s}
        rule_files: [rules.yml]
        scrape_configs:
          - job_name: self
            static_configs: [{targets: ['127.0.0.1:%d']}]
        """.formatted(promPort));
    Files.createDirectories(dir.resolve("data"));
    prometheus = ServerProcess.start(List.of(binary.toString(), "--config.file=prometheus.yml",
        "--storage.tsdb.path=data", "--web.listen-address=127.0.0.1:" + promPort), dir, "prometheus");
    prometheus.await(HTTP, promUrl + "/-/ready", r -> r.statusCode() == 200, Duration.ofSeconds(30));
    int tocsinPort = PeerProcess.freePort();
    tocsinUrl = "http://127.0.0.1:" + tocsinPort;
    Files.writeString(dir.resolve("tocsin.yml"), """
        global: {evaluation_interval: 1s}
        rule_files: [rules.yml]
        datasources:
          prometheus: {url: '%s'}
        """.formatted(promUrl));
    tocsin = ServerProcess.tocsin(dir, "run", "--config.file", "tocsin.yml", "--web.listen-address",
        "127.0.0.1:" + tocsinPort);
    for (String url : List.of(promUrl, tocsinUrl)) {
      ServerProcess p = url.equals(promUrl) ? prometheus : tocsin;
      // Both have scraped and evaluated: one alert firing, one pending.
      p.await(HTTP, url + "/api/v1/alerts", r -> r.body().contains("\"firing\"") && r.body().contains("\"pending\""),
          Duration.ofSeconds(40));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (tocsin != null) {
      tocsin.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String url) throws Exception {
    HttpResponse<String> r = get(url);
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static void assertSuperset(String path) throws Exception {
    Map<String, Set<String>> prom = JsonShape.of(json(promUrl + path));
    Map<String, Set<String>> ours = JsonShape.of(json(tocsinUrl + path));
    assertThat(prom).as("Prometheus' shape of " + path).containsKey("$.data");
    List<String> problems = new ArrayList<>();
    prom.forEach((p, types) -> {
      if (!ours.containsKey(p)) {
        problems.add("missing " + p + " " + types);
      } else if (!ours.get(p).equals(types)) {
        problems.add(p + ": Prometheus " + types + ", Tocsin " + ours.get(p));
      }
    });
    assertThat(problems).as(path + "\nPrometheus: " + prom + "\nTocsin: " + ours).isEmpty();
  }

  @Test
  void rulesHaveEveryPrometheusKeyWithTheSameTypes() throws Exception {
    assertSuperset("/api/v1/rules");
    assertSuperset("/api/v1/rules?type=alert");
    assertSuperset("/api/v1/rules?type=record");
  }

  @Test
  void alertsHaveEveryPrometheusKeyWithTheSameTypes() throws Exception {
    assertSuperset("/api/v1/alerts");
  }

  @Test
  void bothAgreeOnRulesStatesAndHealth() throws Exception {
    for (String query : List.of("", "?type=alert", "?type=record")) {
      assertThat(summary(json(tocsinUrl + "/api/v1/rules" + query))).as(query)
          .isEqualTo(summary(json(promUrl + "/api/v1/rules" + query)));
    }
    // 2.42 has no name, group or file filters (3.x does): compare with the matching part of its answer.
    List<String> all = summary(json(promUrl + "/api/v1/rules"));
    assertThat(summary(json(tocsinUrl + "/api/v1/rules?rule_name[]=StaysPending&rule_name[]=NeverFires")))
        .containsExactly(all.get(0), all.get(2));
    assertThat(summary(json(tocsinUrl + "/api/v1/rules?rule_group[]=shape&file[]=rules.yml")))
        .containsExactlyElementsOf(all.subList(1, 4));
    assertThat(summary(json(tocsinUrl + "/api/v1/rules?file[]=nope.yml"))).isEmpty();
    JsonNode limited = json(tocsinUrl + "/api/v1/rules?rule_group[]=limited").get("data").get("groups").get(0);
    assertThat(limited.get("limit").asInt()).isEqualTo(10);
    assertThat(limited.get("rules").get(0).get("language").asText()).isEqualTo("promql");
  }

  /** Group, rule, type, state, health and the alerts' label sets and states, in order. */
  private static List<String> summary(JsonNode rules) {
    List<String> out = new ArrayList<>();
    for (JsonNode g : rules.get("data").get("groups")) {
      for (JsonNode r : g.get("rules")) {
        StringBuilder b = new StringBuilder(g.get("name").asText()).append('/').append(r.get("name").asText())
            .append(' ').append(r.get("type").asText()).append(' ').append(r.path("state").asText("-")).append(' ')
            .append(r.get("health").asText()).append(' ').append(r.get("query").asText());
        for (JsonNode a : r.path("alerts")) {
          b.append(" [").append(a.get("labels")).append(' ').append(a.get("annotations")).append(' ')
              .append(a.get("state").asText()).append(']');
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @Test
  void badParametersAreBadDataAsInPrometheus() throws Exception {
    // The JDK's server refuses a malformed escape itself, before any handler, with a plain 400.
    assertThat(RawResponse.get(tocsinUrl, "/api/v1/rules?rule_name[]=%zz").status()).isEqualTo(400);
    RawResponse semicolon = RawResponse.get(tocsinUrl, "/api/v1/rules?type=alert;rule_name[]=x");
    assertThat(semicolon.status()).isEqualTo(400);
    assertThat(semicolon.body()).isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\","
        + "\"error\":\"error parsing form values: invalid semicolon separator in query\"}");
    // 2.42 knows only the type parameter; the others are 3.x's and covered by RulesApiTest.
    for (String query : List.of("?type=bogus")) {
      RawResponse prom = RawResponse.get(promUrl, "/api/v1/rules" + query);
      RawResponse ours = RawResponse.get(tocsinUrl, "/api/v1/rules" + query);
      assertThat(ours.status()).as(query).isEqualTo(prom.status()).isEqualTo(400);
      JsonNode p = JSON.readTree(prom.body());
      JsonNode t = JSON.readTree(ours.body());
      assertThat(t.get("status").asText()).isEqualTo("error");
      assertThat(t.get("errorType").asText()).as(query).isEqualTo(p.get("errorType").asText()).isEqualTo("bad_data");
      assertThat(t.get("error").asText()).as(query).isEqualTo(p.get("error").asText());
    }
  }
}
