package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.NotificationConfigResult;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's bad input: receivers that hang, answer 500 forever or refuse connections sit on the
 * same route tree ({@code continue: true}) as a healthy one, which must still be notified on time
 * while the others fail after bounded retries and are counted.
 */
class ReceiverIsolationIT {
  private static final Duration GROUP_WAIT = Duration.ofSeconds(1);

  /** Answers every request with one fixed response. */
  private static Dispatcher always(MockResponse response) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    };
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits until {@code count} reaches {@code min}, failing with the count seen last at the deadline. */
  private static void awaitAtLeast(String what, LongSupplier count, long min, Duration deadline)
      throws InterruptedException {
    long until = System.nanoTime() + deadline.toNanos();
    while (count.getAsLong() < min && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(count.getAsLong()).as(what).isGreaterThanOrEqualTo(min);
  }

  @Test
  void brokenReceiversDelayNeitherTheHealthyOneNorTheCaller() throws Exception {
    try (MockWebServer hangs = new MockWebServer(); MockWebServer errors = new MockWebServer();
        MockWebServer healthy = new MockWebServer()) {
      hangs.setDispatcher(always(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build()));
      errors.setDispatcher(always(new MockResponse.Builder().code(500).body("down").build()));
      healthy.setDispatcher(always(new MockResponse.Builder().code(200).build()));
      hangs.start();
      errors.start();
      healthy.start();
      String yml = """
          route:
            receiver: healthy
            group_by: [alertname]
            group_wait: %ds
            group_interval: 10s
            routes:
              - {receiver: hangs, continue: true}
              - {receiver: errors, continue: true}
              - {receiver: refused, continue: true}
              - {receiver: healthy}
          receivers:
            - name: hangs
              webhook_configs: [{url: "%s"}]
            - name: errors
              webhook_configs: [{url: "%s"}]
            - name: refused
              webhook_configs: [{url: "http://127.0.0.1:%d/"}]
            - name: healthy
              webhook_configs: [{url: "%s"}]
          """.formatted(GROUP_WAIT.toSeconds(), hangs.url("/"), errors.url("/"), closedPort(), healthy.url("/"));
      NotificationConfigResult r = new NotificationConfigLoader().load("am.yml", yml.getBytes(StandardCharsets.UTF_8),
          Path.of("."));
      assertThat(r.diagnostics()).isEmpty();
      RoutingNotifier router = RoutingNotifier.create(r.config(), Labels.EMPTY, s -> {}, Clock.systemUTC());
      try {
        Instant now = Instant.now();
        List<OutgoingAlert> alerts = List.of(
            new OutgoingAlert(Labels.of("alertname", "A", "instance", "1"), Labels.EMPTY, now, now.plusSeconds(600),
                "", "eval-1"),
            new OutgoingAlert(Labels.of("alertname", "B", "instance", "2"), Labels.EMPTY, now, now.plusSeconds(600),
                "", "eval-1"));
        long start = System.nanoTime();
        router.send(alerts);
        router.send(alerts);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("send() only queues").isLessThan(
            Duration.ofMillis(500));

        for (int i = 0; i < 2; i++) {
          RecordedRequest got = healthy.takeRequest(GROUP_WAIT.plusSeconds(3).toMillis(), TimeUnit.MILLISECONDS);
          assertThat(got).as("healthy notification %d", i + 1).isNotNull();
          assertThat(got.getBody().utf8()).contains("\"receiver\":\"healthy\"");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("both groups reach the healthy receiver within group_wait + 1 s")
            .isLessThan(GROUP_WAIT.plusSeconds(1).plusMillis(500));
        // The healthy deliveries can complete before the erroring receiver's first retry (500 ms after its
        // first attempt); retries go on until the flush's deadline, group_interval.
        awaitAtLeast("the 500s are retried", errors::getRequestCount, 2, Duration.ofSeconds(10));

        // Each broken receiver gives up at the flush's deadline (group_interval, 10 s at the least), counted
        // once per group; later flushes retry them, so the counts only grow from there.
        awaitAtLeast("2 groups x 3 broken receivers failed", () -> router.stats().failed(), 6, Duration.ofSeconds(25));
        RouterStats stats = router.stats();
        assertThat(stats.failed()).as("2 groups x 3 broken receivers").isGreaterThanOrEqualTo(6);
        assertThat(stats.notifications()).isGreaterThanOrEqualTo(8);
        assertThat(errors.getRequestCount()).as("bounded retries").isLessThan(40);
        assertThat(healthy.getRequestCount()).as("no repeat to the healthy receiver").isEqualTo(2);
      } finally {
        router.close(Duration.ofSeconds(1));
      }
    }
  }
}
