package dev.tocsin.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.HttpSettings;
import dev.tocsin.notifier.config.WebhookConfig;
import dev.tocsin.notifier.receiver.Notification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries against faults MockWebServer produces; waits are recorded on a virtual clock, never slept. */
class WebhookIntegrationTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient.Builder().build();
  private final List<Duration> waits = new ArrayList<>();
  private Instant virtual = NOW;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WebhookIntegration webhook(String url) {
    return webhook(new WebhookConfig(true, url, null, 0, Duration.ZERO, HttpSettings.DEFAULT));
  }

  private WebhookIntegration webhook(WebhookConfig config) {
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return virtual;
      }
    };
    return new WebhookIntegration(config, client, "http://tocsin.example", clock, d -> {
      waits.add(d);
      virtual = virtual.plus(d);
    }, () -> "corr-" + ids.incrementAndGet());
  }

  private static Notification notification() {
    OutgoingAlert a = new OutgoingAlert(Labels.of("alertname", "A"), Labels.EMPTY, NOW, null, "", "eval-7");
    return new Notification("hook", "{}:{}", Labels.EMPTY, List.of(a), NOW);
  }

  @Test
  void retries5xxWithGrowingWaitsThenSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    webhook(server.url("/hook").toString()).deliver(notification(), NOW.plusSeconds(60));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(750));
    RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(first.getHeaders().get("X-Correlation-Id")).isEqualTo("corr-1");
    assertThat(first.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(first.getBody().string(StandardCharsets.UTF_8)).isEqualTo(
        WebhookPayload.json(notification(), "http://tocsin.example", 0));
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-Correlation-Id"))
        .as("a fresh id per request").isEqualTo("corr-2");
  }

  @Test
  void doesNotRetryOther4xx() {
    server.enqueue(new MockResponse.Builder().code(400).build());
    assertThatThrownBy(() -> webhook(server.url("/hook").toString()).deliver(notification(), NOW.plusSeconds(60)))
        .isInstanceOf(WebhookIntegration.WebhookException.class).hasMessageContaining("400")
        .hasMessageContaining("not retried");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void givesUpOnRefusedConnectionsAtTheDeadline() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> webhook("http://127.0.0.1:" + port + "/x").deliver(notification(), NOW.plusSeconds(5)))
        .isInstanceOf(WebhookIntegration.WebhookException.class).hasMessageContaining("giving up after");
    assertThat(waits).as("0.5 + 0.75 + 1.125 + 1.687 s fit in 5 s, the next 2.53 s does not").hasSize(4);
  }

  @Test
  void truncatesToMaxAlertsAndReadsUrlFile(@TempDir Path dir) throws Exception {
    Path urlFile = dir.resolve("url");
    Files.writeString(urlFile, server.url("/from-file") + "\n");
    server.enqueue(new MockResponse.Builder().code(204).build());
    OutgoingAlert a = new OutgoingAlert(Labels.of("alertname", "A", "i", "1"), Labels.EMPTY, NOW, null, "", "");
    OutgoingAlert b = new OutgoingAlert(Labels.of("alertname", "A", "i", "2"), Labels.EMPTY, NOW, null, "", "");
    webhook(new WebhookConfig(true, null, urlFile, 1, Duration.ofSeconds(2), HttpSettings.DEFAULT))
        .deliver(new Notification("hook", "{}:{}", Labels.EMPTY, List.of(a, b), NOW), NOW.plusSeconds(10));
    RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/from-file");
    String body = r.getBody().string(StandardCharsets.UTF_8);
    assertThat(body).contains("\"truncatedAlerts\":1").contains("\"commonLabels\":{\"alertname\":\"A\",\"i\":\"1\"}");
  }
}
