package dev.tocsin.engine.daemon;

import static dev.tocsin.engine.daemon.MetricsFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.OutgoingAlert;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in router's counters as the daemon exports them: one group routed to a webhook that
 * answers 200 and to one that answers 400, read from the Prometheus scrape text, then again after
 * a reload has replaced the router.
 */
class RouterMetricsIT {
  private static final String OK = "{integration=\"webhook\",receiver=\"ok\"}";
  private static final String BROKEN = "{integration=\"webhook\",receiver=\"broken\"}";

  @TempDir Path dir;
  private HttpServer hooks;
  private final AtomicInteger okRequests = new AtomicInteger();
  private final AtomicInteger brokenRequests = new AtomicInteger();

  @BeforeEach
  void startWebhooks() throws Exception {
    hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    hooks.createContext("/ok", x -> {
      x.getRequestBody().readAllBytes();
      okRequests.incrementAndGet();
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    // A 4xx is not retried, so the failure is counted at once.
    hooks.createContext("/broken", x -> {
      x.getRequestBody().readAllBytes();
      brokenRequests.incrementAndGet();
      x.sendResponseHeaders(400, -1);
      x.close();
    });
    hooks.start();
  }

  @AfterEach
  void stopWebhooks() {
    hooks.stop(0);
  }

  private TocsinConfig config() throws Exception {
    String base = "http://127.0.0.1:" + hooks.getAddress().getPort();
    Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: ok
          group_wait: 0s
          group_interval: 1h
          routes:
            - {receiver: broken, continue: true}
            - {receiver: ok}
        receivers:
          - name: ok
            webhook_configs: [{url: "%s/ok"}]
          - name: broken
            webhook_configs: [{url: "%s/broken"}]
        """.formatted(base, base));
    return MetricsFixture.config(dir, "notifications: {config_file: alertmanager.yml}\n");
  }

  private static OutgoingAlert alert(String name, Instant start, Instant end) {
    return new OutgoingAlert(Labels.of("alertname", name), Labels.EMPTY, start, end, "", "eval-1");
  }

  private static void closeAll(Daemon.Components c) {
    for (Notifier n : c.notifiers()) {
      n.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void countsPerReceiverAndIntegrationAndKeepsCountingAcrossAReload() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DaemonComponents factory = new DaemonComponents(registry, line -> {}, Clock.systemUTC());
    TocsinConfig config = config();
    Daemon.Components first = factory.create(config, Instant.now());
    List<Daemon.Components> open = new ArrayList<>(List.of(first));
    try {
      String before = registry.scrape();
      assertThat(value(before, "tocsin_router_notifications_total" + OK)).as("series exist at zero").isZero();
      assertThat(value(before, "tocsin_router_notifications_failed_total" + BROKEN)).isZero();

      Instant now = Instant.now();
      first.notifiers().get(0).send(List.of(alert("HighErrorRate", now.minusSeconds(60), now.plusSeconds(600)),
          alert("DiskFull", now.minusSeconds(600), now.minusSeconds(30))));
      String s = Poll.until("both receivers notified once", Duration.ofSeconds(15), registry::scrape,
          x -> value(x, "tocsin_router_notifications_total" + OK) == 1
              && value(x, "tocsin_router_notifications_failed_total" + BROKEN) == 1);
      assertThat(value(s, "tocsin_router_notifications_total" + BROKEN)).isEqualTo(1);
      assertThat(value(s, "tocsin_router_notifications_failed_total" + OK)).isZero();
      assertThat(value(s, "tocsin_router_alerts_received_total{status=\"firing\"}")).isEqualTo(1);
      assertThat(value(s, "tocsin_router_alerts_received_total{status=\"resolved\"}")).isEqualTo(1);
      assertThat(value(s, "tocsin_router_alerts_dropped_total")).isZero();
      assertThat(value(s, "tocsin_router_queue_length")).isZero();
      assertThat(value(s, "tocsin_router_aggregation_groups")).as("one group per matching route").isEqualTo(2);
      assertThat(okRequests.get()).isEqualTo(1);
      assertThat(brokenRequests.get()).as("a 400 is not retried").isEqualTo(1);

      // A reload: the daemon builds new components, then closes the old ones.
      Daemon.Components second = factory.create(config, Instant.now());
      open.add(second);
      closeAll(first);
      open.remove(first);
      String reloaded = registry.scrape();
      assertThat(value(reloaded, "tocsin_router_notifications_total" + OK)).as("no reset at reload").isEqualTo(1);
      assertThat(value(reloaded, "tocsin_router_notifications_failed_total" + BROKEN)).isEqualTo(1);
      assertThat(value(reloaded, "tocsin_router_alerts_received_total{status=\"firing\"}")).isEqualTo(1);
      assertThat(value(reloaded, "tocsin_router_aggregation_groups")).as("the closed router no longer counts")
          .isZero();

      second.notifiers().get(0).send(List.of(alert("Latency", now, now.plusSeconds(600))));
      String after = Poll.until("the new router counts on", Duration.ofSeconds(15), registry::scrape,
          x -> value(x, "tocsin_router_notifications_total" + OK) == 2
              && value(x, "tocsin_router_notifications_failed_total" + BROKEN) == 2);
      assertThat(value(after, "tocsin_router_notifications_failed_total" + OK)).isZero();
      assertThat(value(after, "tocsin_router_alerts_received_total{status=\"firing\"}")).isEqualTo(2);
      assertThat(value(after, "tocsin_router_aggregation_groups")).isEqualTo(2);
      assertThat(after).as("one series per receiver and integration, registered once")
          .containsOnlyOnce("tocsin_router_notifications_total" + OK);
    } finally {
      open.forEach(RouterMetricsIT::closeAll);
    }
  }
}
