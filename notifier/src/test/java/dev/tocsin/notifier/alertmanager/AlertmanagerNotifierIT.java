package dev.tocsin.notifier.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier against a real Alertmanager 0.25, read back through its own API. */
class AlertmanagerNotifierIT {
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private static AlertmanagerPeer alertmanager;
  private static String baseUrl;

  @BeforeAll
  static void startAlertmanager() throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route:
          receiver: blackhole
          group_by: [alertname]
        receivers:
          - name: blackhole
        """);
    alertmanager = AlertmanagerPeer.start(dir, config, CLIENT);
    baseUrl = alertmanager.url();
  }

  @AfterAll
  static void stopAlertmanager() throws Exception {
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  private static void send(List<OutgoingAlert> alerts) {
    AlertmanagerNotifier n = new AlertmanagerNotifier(
        List.of(new AlertmanagerEndpoint(baseUrl, "", Duration.ofSeconds(5), CLIENT)),
        Labels.of("cluster", "it", "job", "ignored-because-set"), AlertmanagerNotifier.Options.DEFAULT);
    n.send(alerts);
    n.close(Duration.ofSeconds(15));
    assertThat(n.stats().get(0)).extracting(AlertmanagerStats::sent, AlertmanagerStats::errors)
        .containsExactly((long) alerts.size(), 0L);
  }

  private static JsonNode activeAlerts() throws IOException {
    try (Response r = CLIENT.newCall(new Request.Builder().url(baseUrl + "/api/v2/alerts").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      return JSON.readTree(r.body().string());
    }
  }

  @Test
  void firingAlertsArriveWithExternalLabelsAndResolvedOnesLeave() throws Exception {
    Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    Instant validUntil = Instant.now().plusSeconds(600);
    String generator = "http://prometheus.example:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1";
    List<Labels> labels = List.of(
        Labels.of("alertname", "InstanceDown", "instance", "a:9100", "job", "node", "severity", "critical"),
        Labels.of("alertname", "InstanceDown", "instance", "b:9100", "job", "node", "severity", "critical"));
    send(labels.stream().map(l -> new OutgoingAlert(l, Labels.of("summary", "instance " + l.get("instance")
        + " down"), start, validUntil, generator, "eval-it")).toList());

    JsonNode alerts = activeAlerts();
    assertThat(alerts).hasSize(2);
    for (JsonNode a : alerts) {
      String instance = a.get("labels").get("instance").asText();
      assertThat(JSON.writeValueAsString(a.get("labels"))).isEqualTo("{\"alertname\":\"InstanceDown\","
          + "\"cluster\":\"it\",\"instance\":\"" + instance + "\",\"job\":\"node\",\"severity\":\"critical\"}");
      assertThat(a.get("annotations").get("summary").asText()).isEqualTo("instance " + instance + " down");
      assertThat(Instant.parse(a.get("startsAt").asText())).isEqualTo(start);
      assertThat(a.get("generatorURL").asText()).isEqualTo(generator);
      assertThat(a.get("status").get("state").asText()).isEqualTo("active");
    }

    Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    send(labels.stream().map(l -> new OutgoingAlert(l, Labels.EMPTY, start, resolvedAt, generator, "eval-it2"))
        .toList());
    assertThat(activeAlerts()).as("resolved alerts are no longer returned").isEmpty();
  }
}
