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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alertmanager client's {@code tocsin_notifications_*} metrics as the daemon exports them,
 * read from the Prometheus scrape text across a reload that replaces the client and a reload whose
 * client is built and then closed because the rules failed to load: the counters never go back
 * and the queue gauge reads the client in use.
 */
class AlertmanagerMetricsIT {
  @TempDir Path dir;
  private HttpServer alertmanager;
  private final AtomicInteger requests = new AtomicInteger();
  /** While down, requests wait here: the client's queue fills behind the request in flight. */
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean stalling;

  @BeforeEach
  void startAlertmanager() throws Exception {
    alertmanager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    alertmanager.setExecutor(Executors.newFixedThreadPool(4));
    alertmanager.createContext("/api/v2/alerts", x -> {
      x.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      if (stalling) {
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    alertmanager.start();
  }

  @AfterEach
  void stopAlertmanager() {
    released.countDown();
    alertmanager.stop(0);
  }

  private TocsinConfig config() throws Exception {
    return MetricsFixture.config(dir, "alerting: {alertmanagers: [{url: 'http://127.0.0.1:%d', timeout: 30s}]}\n"
        .formatted(alertmanager.getAddress().getPort()));
  }

  private String series(String name) {
    return name + "{alertmanager=\"http://127.0.0.1:" + alertmanager.getAddress().getPort() + "/api/v2/alerts\"}";
  }

  private static List<OutgoingAlert> alerts(String prefix, int n) {
    Instant now = Instant.now();
    return IntStream.range(0, n).mapToObj(i -> new OutgoingAlert(Labels.of("alertname", prefix + i), Labels.EMPTY,
        now, now.plusSeconds(600), "", "eval-1")).toList();
  }

  private static void closeAll(Daemon.Components c, Duration deadline) {
    for (Notifier n : c.notifiers()) {
      n.close(deadline);
    }
  }

  @Test
  void countersNeverGoBackAndTheQueueGaugeReadsTheClientInUse() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DaemonComponents factory = new DaemonComponents(registry, line -> {}, Clock.systemUTC());
    TocsinConfig config = config();
    String sent = series("tocsin_notifications_sent_total");
    String queued = series("tocsin_notifications_queue_length");
    Daemon.Components first = factory.create(config, Instant.now());
    List<Daemon.Components> open = new ArrayList<>(List.of(first));
    try {
      assertThat(value(registry.scrape(), sent)).as("the series exists at zero").isZero();
      first.notifiers().get(0).send(alerts("First", 3));
      Poll.until("the first client's alerts sent", Duration.ofSeconds(15), registry::scrape,
          s -> value(s, sent) == 3);

      // A reload: the daemon builds new components, then closes the old ones.
      Daemon.Components second = factory.create(config, Instant.now());
      open.add(second);
      closeAll(first, Duration.ofSeconds(5));
      open.remove(first);
      assertThat(value(registry.scrape(), sent)).as("no reset at reload").isEqualTo(3);
      Notifier inUse = second.notifiers().get(0);
      inUse.send(alerts("Second", 2));
      Poll.until("the new client counts on", Duration.ofSeconds(15), registry::scrape, s -> value(s, sent) == 5);

      // A reload whose rules fail: its components are built and closed at once; the second stays in use.
      closeAll(factory.create(config, Instant.now()), Duration.ZERO);
      inUse.send(alerts("AfterFailedReload", 1));
      Poll.until("the client in use is still the one read", Duration.ofSeconds(15), registry::scrape,
          s -> value(s, sent) == 6);

      stalling = true;
      int before = requests.get();
      inUse.send(alerts("Stuck", 1));
      Poll.until("a request in flight", Duration.ofSeconds(15), requests::get, n -> n > before);
      inUse.send(alerts("Queued", 4));
      String s = registry.scrape();
      assertThat(value(s, queued)).as("the queue of the client in use").isEqualTo(4);
      assertThat(value(s, sent)).isEqualTo(6);
      assertThat(value(s, series("tocsin_notifications_errors_total"))).isZero();
      assertThat(value(s, series("tocsin_notifications_dropped_total"))).isZero();
      assertThat(s).as("registered once").containsOnlyOnce(sent);
      released.countDown();
      Poll.until("the queue drained", Duration.ofSeconds(15), registry::scrape,
          x -> value(x, sent) == 11 && value(x, queued) == 0);
    } finally {
      released.countDown();
      open.forEach(c -> closeAll(c, Duration.ofSeconds(5)));
    }
  }
}
