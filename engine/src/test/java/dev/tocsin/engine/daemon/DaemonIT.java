package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tocsin run} between a real Prometheus 2.42 scraping a target the test controls and a real
 * Alertmanager 0.25, checked through Alertmanager's own API: firing and resolving, a crash and
 * restart, an outage of each peer, and a reload with a broken rule file. Each case drives its own
 * series ({@code scenario} label) of the one rule, so the cases share the peers but not alerts.
 */
class DaemonIT {
  /** Debian's Alertmanager build reads its default templates from here; scripts/peers.sh provides them. */
  private static final Path DEBIAN_TEMPLATES = Path.of("/usr/share/prometheus/alertmanager");
  private static final String EXPR = "demo_value > 10";
  private static final Duration RESEND_DELAY = Duration.ofSeconds(3);
  /** Prometheus' validity of a sent alert: 4 × max(evaluation interval, resend delay). */
  private static final Duration VALIDITY = RESEND_DELAY.multipliedBy(4);
  private static final Duration OUTAGE = Duration.ofSeconds(5);
  private static final String RULES = """
      groups:
        - name: it
          rules:
            - alert: ValueHigh
              expr: demo_value > 10
              for: 3s
              labels: {severity: page}
              annotations:
                summary: 'value {{ $value }} on {{ $labels.instance }} ({{ $labels.scenario }})'
      """;

  @TempDir static Path dir;
  private static MetricsTarget target;
  private static PeerProcess prometheus;
  private static PeerProcess alertmanager;
  private static int alertmanagerPort;
  private static TocsinProcess tocsin;
  private static AlertSink sink;
  private static Path rules;

  @BeforeAll
  static void startPeers() throws Exception {
    Path peers = SharedDir.peers();
    SharedDir.present(DEBIAN_TEMPLATES, "Debian Alertmanager's template folder (scripts/peers.sh copies it there;"
        + " it needs root)");
    target = MetricsTarget.start();
    sink = AlertSink.start();

    int promPort = PeerProcess.freePort();
    Path promConfig = Files.writeString(dir.resolve("prometheus.yml"), """
        global: {scrape_interval: 1s, external_labels: {source: prometheus}}
        scrape_configs:
          - job_name: app
            static_configs: [{targets: ['%s']}]
        """.formatted(target.address()));
    prometheus = PeerProcess.start(List.of(peers.resolve("usr/bin/prometheus").toString(),
        "--config.file=" + promConfig, "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
        "--web.listen-address=127.0.0.1:" + promPort), dir, dir.resolve("prometheus.log"),
        "http://127.0.0.1:" + promPort, "/-/ready");

    alertmanagerPort = PeerProcess.freePort();
    alertmanager = startAlertmanager("alertmanager-data");

    rules = Files.writeString(dir.resolve("rules.yml"), RULES);
    Path config = Files.writeString(dir.resolve("tocsin.yml"), """
        global:
          evaluation_interval: 1s
          external_labels: {cluster: it}
        rule_files: [rules.yml]
        datasources:
          prometheus: {url: '%s', timeout: 500ms}
        alerting:
          alertmanagers: [{url: '%s', timeout: 1s}, {url: '%s'}]
          resend_delay: %ds
        state: {directory: state}
        """.formatted(prometheus.url(), alertmanager.url(), sink.url(), RESEND_DELAY.toSeconds()));
    tocsin = TocsinProcess.start(config, dir);
  }

  private static PeerProcess startAlertmanager(String storage) throws IOException, InterruptedException {
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), """
        route: {receiver: blackhole, group_by: [alertname]}
        receivers: [{name: blackhole}]
        """);
    return PeerProcess.start(List.of(SharedDir.peers().resolve("usr/bin/prometheus-alertmanager").toString(),
        "--config.file=" + config, "--storage.path=" + dir.resolve(storage),
        "--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address="), dir,
        dir.resolve("alertmanager.log"), "http://127.0.0.1:" + alertmanagerPort, "/-/ready");
  }

  @AfterAll
  static void stopPeers() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {tocsin, alertmanager, prometheus, target, sink}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static String series(String scenario) {
    return "demo_value{scenario=\"" + scenario + "\"}";
  }

  /** The alert of a scenario in Alertmanager's {@code GET /api/v2/alerts} (active ones only), or null. */
  private static JsonNode inAlertmanager(String scenario) throws IOException, InterruptedException {
    for (JsonNode a : Http.json(alertmanager.url() + "/api/v2/alerts")) {
      if (a.path("labels").path("scenario").asText().equals(scenario)) {
        return a;
      }
    }
    return null;
  }

  private static Instant time(JsonNode alert, String field) {
    return Instant.parse(alert.path(field).asText());
  }

  /** Drives a scenario's series over the threshold and waits until Alertmanager has its alert. */
  private static JsonNode fire(String scenario, double value) throws InterruptedException {
    target.set(series(scenario), value);
    return Poll.until(scenario + " alert in Alertmanager", Duration.ofSeconds(20), () -> inAlertmanager(scenario),
        Objects::nonNull);
  }

  @Test
  void alertReachesAlertmanagerWhenItFiresAndResolvesThere() throws Exception {
    target.set(series("fire"), 42);
    JsonNode pending = Poll.until("pending in Tocsin", Duration.ofSeconds(15), () -> tocsin.alert("scenario", "fire"),
        a -> a != null && a.path("state").asText().equals("pending"));
    assertThat(inAlertmanager("fire")).as("a pending alert is not sent").isNull();
    Instant activeAt = time(pending, "activeAt");

    JsonNode sent = Poll.until("alert in Alertmanager", Duration.ofSeconds(15), () -> inAlertmanager("fire"),
        Objects::nonNull);
    Map<String, String> labels = new TreeMap<>();
    sent.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    assertThat(labels).isEqualTo(Map.of("alertname", "ValueHigh", "cluster", "it", "instance", target.address(),
        "job", "app", "scenario", "fire", "severity", "page"));
    assertThat(sent.path("annotations").path("summary").asText())
        .isEqualTo("value 42 on " + target.address() + " (fire)");
    assertThat(sent.path("generatorURL").asText()).isEqualTo(prometheus.url() + "/graph?g0.expr="
        + URLEncoder.encode(EXPR, StandardCharsets.UTF_8) + "&g0.tab=1");
    assertThat(sent.path("status").path("state").asText()).isEqualTo("active");
    // startsAt is when the alert fired: the first evaluation slot at least 'for' after it went pending.
    Instant startsAt = time(sent, "startsAt");
    long firedAfter = Duration.between(activeAt.truncatedTo(ChronoUnit.MILLIS), startsAt).toSeconds();
    assertThat(firedAfter).as("seconds from pending to firing").isBetween(3L, 5L);
    assertThat(startsAt).isEqualTo(activeAt.plusSeconds(firedAfter).truncatedTo(ChronoUnit.MILLIS));
    Instant endsAt = time(sent, "endsAt");
    assertThat(Duration.between(startsAt, endsAt)).isGreaterThanOrEqualTo(VALIDITY);
    JsonNode firing = tocsin.alert("scenario", "fire");
    assertThat(firing.path("state").asText()).isEqualTo("firing");
    assertThat(time(firing, "activeAt")).isEqualTo(activeAt);

    Instant lowered = Instant.now();
    target.set(series("fire"), 1);
    Poll.until("resolved in Alertmanager", Duration.ofSeconds(10), () -> inAlertmanager("fire"), Objects::isNull);
    // Gone before the validity Tocsin gave it ran out: a resolution was sent, it did not merely expire.
    assertThat(Instant.now()).isBefore(endsAt);
    List<AlertSink.Received> after = Poll.until("the resolution as sent", Duration.ofSeconds(5),
        () -> sink.since(lowered, "scenario", "fire"), l -> !l.isEmpty() && !l.get(l.size() - 1).time("endsAt")
            .isAfter(l.get(l.size() - 1).at()));
    AlertSink.Received resolution = after.get(after.size() - 1);
    assertThat(resolution.time("startsAt")).isEqualTo(startsAt);
    assertThat(resolution.time("endsAt")).isAfter(lowered).isBeforeOrEqualTo(resolution.at());
    assertThat(tocsin.alert("scenario", "fire")).as("resolved alerts leave /api/v1/alerts").isNull();
  }

  @Test
  void crashAndRestartKeepStartsAtWithoutAResolve() throws Exception {
    JsonNode before = fire("restart", 50);
    Instant startsAt = time(before, "startsAt");
    JsonNode inTocsin = Poll.until("firing in Tocsin", Duration.ofSeconds(5), () -> tocsin.alert("scenario", "restart"),
        a -> a != null && a.path("state").asText().equals("firing"));
    // Kill only once an evaluation after the firing one has saved the state.
    Instant seen = Instant.now();
    Poll.until("the firing state saved", Duration.ofSeconds(5), DaemonIT::lastStateSave, t -> t.isAfter(seen));

    Instant killed = Instant.now();
    tocsin.kill();
    CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> {
      try {
        tocsin.restart();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    List<String> gaps = new ArrayList<>();
    while (!restarted.isDone()) {
      JsonNode a = inAlertmanager("restart");
      if (a == null || !time(a, "startsAt").equals(startsAt)) {
        gaps.add(Instant.now() + ": " + a);
      }
      Thread.sleep(200);
    }
    restarted.join();
    Instant ready = Instant.now();
    JsonNode after = Poll.until("a notification from the restarted Tocsin", RESEND_DELAY.plusSeconds(5),
        () -> inAlertmanager("restart"), a -> a == null || time(a, "updatedAt").isAfter(ready));
    assertThat(gaps).as("Alertmanager kept the alert, unchanged, while Tocsin restarted").isEmpty();
    assertThat(after).as("still active after the restart").isNotNull();
    assertThat(time(after, "startsAt")).isEqualTo(startsAt);
    List<AlertSink.Received> sent = sink.since(killed, "scenario", "restart");
    assertThat(sent).as("sent by the restarted Tocsin").isNotEmpty();
    for (AlertSink.Received r : sent) {
      assertThat(r.time("startsAt")).as("startsAt as sent").isEqualTo(startsAt);
      assertThat(r.time("endsAt")).as("not a resolution").isAfter(r.at());
    }
    JsonNode restored = tocsin.alert("scenario", "restart");
    assertThat(restored.path("state").asText()).isEqualTo("firing");
    assertThat(time(restored, "activeAt")).isEqualTo(time(inTocsin, "activeAt"));
    target.set(series("restart"), 0);
  }

  @Test
  void prometheusOutageMakesTheRuleFailWithoutLosingTheAlert() throws Exception {
    Instant startsAt = time(fire("promdown", 60), "startsAt");
    Instant activeAt = time(tocsin.alert("scenario", "promdown"), "activeAt");
    Instant stoppedAt = Instant.now();
    prometheus.signal("STOP");
    try {
      JsonNode failing = Poll.until("rule health err", Duration.ofSeconds(5), () -> tocsin.rule("ValueHigh"),
          r -> r.path("health").asText().equals("err"));
      assertThat(failing.path("lastError").asText()).contains(prometheus.url()).contains("timed out after 500ms");
      while (Duration.between(stoppedAt, Instant.now()).compareTo(OUTAGE) < 0) {
        assertAlertKept("promdown", activeAt, startsAt);
        Thread.sleep(250);
      }
    } finally {
      prometheus.signal("CONT");
    }
    JsonNode healthy = Poll.until("rule health ok again", Duration.ofSeconds(10), () -> tocsin.rule("ValueHigh"),
        r -> r.path("health").asText().equals("ok"));
    assertThat(healthy.has("lastError")).isFalse();
    assertAlertKept("promdown", activeAt, startsAt);
    target.set(series("promdown"), 0);
  }

  /** When a group's state file in Tocsin's state directory was last written. */
  private static Instant lastStateSave() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("state"))) {
      return files.map(DaemonIT::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      // Replaced by a rename while listing: the newer file is seen on the next poll.
      return Instant.EPOCH;
    }
  }

  private static void assertAlertKept(String scenario, Instant activeAt, Instant startsAt)
      throws IOException, InterruptedException {
    JsonNode inTocsin = tocsin.alert("scenario", scenario);
    assertThat(inTocsin).as("alert in Tocsin").isNotNull();
    assertThat(inTocsin.path("state").asText()).isEqualTo("firing");
    assertThat(time(inTocsin, "activeAt")).isEqualTo(activeAt);
    JsonNode inAm = inAlertmanager(scenario);
    assertThat(inAm).as("alert in Alertmanager").isNotNull();
    assertThat(time(inAm, "startsAt")).isEqualTo(startsAt);
  }

  @Test
  void alertIsResentToAnAlertmanagerThatLostItsState() throws Exception {
    Instant startsAt = time(fire("amdown", 70), "startsAt");
    String amLabel = "127.0.0.1:" + alertmanagerPort;
    double errorsBefore = tocsin.metric("tocsin_notifications_errors_total", amLabel);
    double droppedBefore = tocsin.metric("tocsin_notifications_dropped_total", amLabel);
    Instant stoppedAt = Instant.now();
    alertmanager.kill();
    try {
      Poll.until("failed sends counted", OUTAGE.plus(RESEND_DELAY),
          () -> tocsin.metric("tocsin_notifications_errors_total", amLabel), e -> e > errorsBefore);
      assertThat(tocsin.metric("tocsin_notifications_dropped_total", amLabel)).isGreaterThan(droppedBefore);
      while (Duration.between(stoppedAt, Instant.now()).compareTo(OUTAGE) < 0) {
        assertThat(tocsin.alert("scenario", "amdown").path("state").asText()).isEqualTo("firing");
        Thread.sleep(250);
      }
    } finally {
      // Same address, empty storage: whatever it shows now, Tocsin sent again.
      alertmanager = startAlertmanager("alertmanager-data-2");
    }
    double sentBefore = tocsin.metric("tocsin_notifications_sent_total", amLabel);
    JsonNode resent = Poll.until("the alert resent", RESEND_DELAY.plusSeconds(5), () -> inAlertmanager("amdown"),
        Objects::nonNull);
    assertThat(time(resent, "startsAt")).isEqualTo(startsAt);
    assertThat(resent.path("status").path("state").asText()).isEqualTo("active");
    assertThat(tocsin.metric("tocsin_notifications_sent_total", amLabel)).isGreaterThan(sentBefore);
    target.set(series("amdown"), 0);
  }

  @Test
  void brokenRuleFileOnReloadKeepsTheOldRulesRunning() throws Exception {
    fire("reload", 80);
    Instant activeAt = time(tocsin.alert("scenario", "reload"), "activeAt");
    String group = "rule_group=\"" + rules + ";it\"";
    try {
      Files.writeString(rules, RULES.replace("expr: demo_value > 10", "expr: demo_value >"));
      Http.Reply rejected = tocsin.reload();
      assertThat(rejected.status()).isEqualTo(500);
      assertThat(rejected.body()).startsWith("failed to reload config: " + rules + ": 5:")
          .contains("could not parse expression");
      tocsin.process().signal("HUP");
      Poll.until("the SIGHUP reload rejected too", Duration.ofSeconds(5), () -> tocsin.process().logText(),
          log -> log.split("reload failed", -1).length > 2);

      double iterations = tocsin.metric("tocsin_rule_group_iterations_total", group);
      Poll.until("old rules still evaluated", Duration.ofSeconds(5),
          () -> tocsin.metric("tocsin_rule_group_iterations_total", group), n -> n >= iterations + 2);
      JsonNode still = tocsin.alert("scenario", "reload");
      assertThat(still.path("state").asText()).isEqualTo("firing");
      assertThat(time(still, "activeAt")).isEqualTo(activeAt);
      assertThat(tocsin.rule("ValueHigh").path("health").asText()).isEqualTo("ok");
    } finally {
      Files.writeString(rules, RULES);
    }
    assertThat(tocsin.reload().status()).isEqualTo(200);
    assertThat(tocsin.process().logText()).contains("configuration reloaded from");
    target.set(series("reload"), 0);
  }
}
