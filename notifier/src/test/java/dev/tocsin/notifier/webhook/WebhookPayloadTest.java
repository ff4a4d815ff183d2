package dev.tocsin.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.receiver.Notification;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
  private static final Instant NOW = Instant.parse("2026-11-29T17:46:16Z");

  /** The payload Alertmanager 0.25 sent in the reference observation, byte for byte (plus Go's newline). */
  @Test
  void matchesAlertmanagersObservedPayload() {
    OutgoingAlert a = new OutgoingAlert(Labels.of("alertname", "HighErrorRate", "severity", "critical", "job", "api"),
        Labels.of("summary", "Error rate above 5%", "description", "job api errors"),
        Instant.parse("2026-11-29T17:46:15Z"), null,
        "http://ruler.example:8080/graph?g0.expr=rate%28errors%5B5m%5D%29", "e1");
    Notification n = new Notification("hook", "{}:{alertname=\"HighErrorRate\"}",
        Labels.of("alertname", "HighErrorRate"), List.of(a), NOW);
    assertThat(WebhookPayload.json(n, "http://alertmanager.example:19093", 0)).isEqualTo("""
        {"receiver":"hook","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"HighErrorRate",\
        "job":"api","severity":"critical"},"annotations":{"description":"job api errors","summary":"Error rate above \
        5%"},"startsAt":"2026-11-29T17:46:15Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://ruler.example:\
        8080/graph?g0.expr=rate%28errors%5B5m%5D%29","fingerprint":"d8da8f2e9952176d"}],"groupLabels":{"alertname":\
        "HighErrorRate"},"commonLabels":{"alertname":"HighErrorRate","job":"api","severity":"critical"},\
        "commonAnnotations":{"description":"job api errors","summary":"Error rate above 5%"},"externalURL":\
        "http://alertmanager.example:19093","version":"4","groupKey":"{}:{alertname=\\"HighErrorRate\\"}",\
        "truncatedAlerts":0}
        """);
  }

  @Test
  void truncatesBeforeComputingStatusAndCommonLabels() {
    OutgoingAlert resolved = new OutgoingAlert(Labels.of("alertname", "A", "job", "a"), Labels.EMPTY,
        NOW.minusSeconds(60), NOW.minusSeconds(1), "", "");
    OutgoingAlert firing = new OutgoingAlert(Labels.of("alertname", "A", "job", "b"), Labels.EMPTY,
        NOW.minusSeconds(60), null, "", "");
    Notification n = new Notification("r", "{}:{}", Labels.EMPTY, List.of(resolved, firing), NOW);
    String json = WebhookPayload.json(n, "", 1);
    assertThat(json).startsWith("{\"receiver\":\"r\",\"status\":\"resolved\"")
        .contains("\"endsAt\":\"2026-11-29T17:46:15Z\"")
        .contains("\"commonLabels\":{\"alertname\":\"A\",\"job\":\"a\"}")
        .endsWith("\"truncatedAlerts\":1}\n");
  }

  @Test
  void escapesStringsAsGoDoes() {
    StringBuilder sb = new StringBuilder();
    WebhookPayload.string(sb, "<script>&\"\\\n\u0001\u2028é");
    assertThat(sb).hasToString("\"\\u003cscript\\u003e\\u0026\\\"\\\\\\n\\u0001\\u2028é\"");
    assertThat(WebhookPayload.quoteMeta("team.ops")).isEqualTo("team\\.ops");
  }
}
