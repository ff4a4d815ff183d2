package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tocsin.model.Labels;
import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.alertmanager.AlertmanagerEndpoint;
import dev.tocsin.notifier.alertmanager.AlertmanagerNotifier;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.NotificationConfigResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same alerts, under the same alertmanager.yml, go to a real Alertmanager 0.25 and to Tocsin's
 * router, both of whose webhooks post to one capture server (told apart by User-Agent): per
 * receiver and group key, the sequences of payloads must be identical, byte for byte — grouping,
 * group keys, fingerprints, ordering, common labels and annotations, status, inhibition,
 * truncation and timestamps (both get the same start and end times).
 */
class RoutingDifferentialIT {
  private static final String EXTERNAL_URL = "http://alertmanager.example:9093";
  private static final OkHttpClient CLIENT = new OkHttpClient();

  @TempDir
  Path dir;

  private PeerProcess alertmanager;
  private HttpServer capture;
  private RoutingNotifier router;
  private final List<String[]> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (router != null) {
      router.close(Duration.ofSeconds(2));
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (capture != null) {
      capture.stop(0);
    }
  }

  private String config(int capturePort) {
    String hook = "http://127.0.0.1:" + capturePort + "/";
    return """
        route:
          receiver: hook
          group_by: [alertname]
          group_wait: 1s
          group_interval: 2s
          repeat_interval: 1h
          routes:
            - matchers: [severity="critical"]
              receiver: critical
              continue: true
            - matchers: [team="db"]
              receiver: truncated
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [instance]
        receivers:
          - name: hook
            webhook_configs: [{url: "HOOKhook"}]
          - name: critical
            webhook_configs: [{url: "HOOKcritical"}]
          - name: truncated
            webhook_configs: [{url: "HOOKtruncated", max_alerts: 1, send_resolved: false}]
        """.replace("HOOK", hook);
  }

  @Test
  void payloadsMatchAlertmanagers() throws Exception {
    capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    capture.createContext("/", ex -> {
      String agent = ex.getRequestHeaders().getFirst("User-Agent");
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new String[] {agent != null && agent.startsWith("Alertmanager") ? "am" : "tocsin", body});
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    capture.start();
    String yaml = config(capture.getAddress().getPort());
    Path amYml = Files.writeString(dir.resolve("alertmanager.yml"), yaml);

    Path binary = SharedDir.present(SharedDir.peers().resolve("usr/bin/prometheus-alertmanager"),
        "the Alertmanager binary (run scripts/peers.sh)");
    // Debian's build reads its default templates from here; scripts/peers.sh copies them (as root).
    SharedDir.present(Path.of("/usr/share/prometheus/alertmanager"), "Debian Alertmanager's template folder");
    int port = PeerProcess.freePort();
    String amUrl = "http://127.0.0.1:" + port;
    alertmanager = PeerProcess.start(List.of(binary.toString(), "--config.file=" + amYml, "--storage.path=" + dir,
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--web.external-url=" + EXTERNAL_URL),
        dir, dir.resolve("alertmanager.log"), amUrl, "/-/ready");

    NotificationConfigResult loaded = new NotificationConfigLoader().load(amYml);
    assertThat(loaded.diagnostics()).isEmpty();
    router = RoutingNotifier.create(loaded.config(), Labels.EMPTY, new RoutingNotifier.Options(Clock.systemUTC(),
        s -> {}, s -> CLIENT, EXTERNAL_URL, dir.resolve("state"), RoutingNotifier.DEFAULT_QUEUE_CAPACITY));

    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant later = t0.plusSeconds(600);
    OutgoingAlert crit = alert(t0, later, "alertname", "HighErrorRate", "severity", "critical", "job", "api",
        "instance", "a");
    List<OutgoingAlert> first = List.of(
        crit,
        alert(t0, later, "alertname", "HighErrorRate", "severity", "critical", "job", "api", "instance", "b"),
        alert(t0, later, "alertname", "Latency", "severity", "warning", "instance", "a"),
        alert(t0, later, "alertname", "Latency", "severity", "warning", "instance", "c"),
        alert(t0, later, "alertname", "DbDown", "team", "db", "instance", "db-2", "job", "mysql"),
        alert(t0, later, "alertname", "DbDown", "team", "db", "instance", "db-1", "job", "mysql"),
        alert(t0, later, "alertname", "DbDown", "team", "db", "instance", "db-3", "job", "mysql"));
    send(amUrl, first);
    // Between the first flush (1 s) and the second (3 s): the critical alert on "a" resolves,
    // which changes its group and lifts the inhibition of the warning on "a".
    sleepUntil(t0.plusMillis(2000));
    Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    send(amUrl, List.of(new OutgoingAlert(crit.labels(), crit.annotations(), crit.startsAt(), resolvedAt,
        crit.generatorUrl(), "eval-2")));
    // Between the second and third flushes: every warning and database alert resolves; the
    // warnings' receiver says so, the database receiver (send_resolved: false) stays silent.
    sleepUntil(t0.plusMillis(4000));
    Instant allResolved = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    send(amUrl, first.stream().filter(a -> !a.labels().get("alertname").equals("HighErrorRate"))
        .map(a -> new OutgoingAlert(a.labels(), a.annotations(), a.startsAt(), allResolved, a.generatorUrl(), "eval-3"))
        .toList());
    sleepUntil(t0.plusMillis(6500));

    Map<String, List<String>> am = byGroup("am");
    Map<String, List<String>> tocsin = byGroup("tocsin");
    assertThat(am).as("Alertmanager sent notifications for these groups").containsOnlyKeys(
        "critical {}/{severity=\"critical\"}:{alertname=\"HighErrorRate\"}",
        "hook {}:{alertname=\"Latency\"}",
        "truncated {}/{team=\"db\"}:{alertname=\"DbDown\"}");
    assertThat(am.get("critical {}/{severity=\"critical\"}:{alertname=\"HighErrorRate\"}")).hasSize(2);
    assertThat(am.get("hook {}:{alertname=\"Latency\"}")).hasSize(3);
    assertThat(am.get("hook {}:{alertname=\"Latency\"}").get(2)).startsWith("{\"receiver\":\"hook\",\"status\":\"resolved\"");
    assertThat(am.get("truncated {}/{team=\"db\"}:{alertname=\"DbDown\"}")).hasSize(1);
    for (Map.Entry<String, List<String>> e : am.entrySet()) {
      assertThat(tocsin.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(tocsin).containsOnlyKeys(am.keySet());
  }

  private static OutgoingAlert alert(Instant start, Instant end, String... labels) {
    Labels l = Labels.of(labels);
    return new OutgoingAlert(l, Labels.of("summary", l.get("alertname") + " on " + l.get("instance"),
        "runbook", "https://runbooks.example/" + l.get("alertname")), start, end,
        "http://ruler.example:8080/graph?g0.expr=up%3D%3D0", "eval-1");
  }

  private void send(String amUrl, List<OutgoingAlert> alerts) {
    AlertmanagerNotifier n = new AlertmanagerNotifier(
        List.of(new AlertmanagerEndpoint(amUrl, "", Duration.ofSeconds(5), CLIENT)), Labels.EMPTY,
        AlertmanagerNotifier.Options.DEFAULT);
    n.send(alerts);
    router.send(alerts);
    n.close(Duration.ofSeconds(5));
  }

  private Map<String, List<String>> byGroup(String source) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<String>> out = new TreeMap<>();
    for (String[] r : received) {
      if (r[0].equals(source)) {
        JsonNode n = json.readTree(r[1]);
        out.computeIfAbsent(n.get("receiver").asText() + " " + n.get("groupKey").asText(), k -> new ArrayList<>())
            .add(r[1]);
      }
    }
    return out;
  }

  private static void sleepUntil(Instant t) throws InterruptedException {
    long ms = Duration.between(Instant.now(), t).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }
}
