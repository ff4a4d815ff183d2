package dev.tocsin.promql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Faulty datasources must not leave threads or connections behind. */
class HttpLeakTest {
  /** Threads that OkHttp and MockWebServer keep or reap on their own schedule. */
  private static long appThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> !n.startsWith("OkHttp") && !n.startsWith("Okio") && !n.contains("MockWebServer"))
        .count();
  }

  private static long openFiles() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean u
        ? u.getOpenFileDescriptorCount() : 0;
  }

  @Test
  void hundredFaultyQueriesLeaveNoThreadsOrConnectionsBehind() throws Exception {
    ConnectionPool pool = new ConnectionPool(5, 1, java.util.concurrent.TimeUnit.MINUTES);
    OkHttpClient base = new OkHttpClient.Builder().connectionPool(pool).build();
    MockWebServer refused = new MockWebServer();
    refused.start();
    String refusedUrl = refused.url("/").toString();
    refused.close();
    MockWebServer server = new MockWebServer();
    server.start();
    PrometheusHttpClient faulty = PrometheusHttpClient.builder(server.url("/").toString()).okHttpClient(base)
        .timeout(Duration.ofMillis(200)).maxResponseBytes(1024).build();
    PrometheusHttpClient down = PrometheusHttpClient.builder(refusedUrl).okHttpClient(base)
        .timeout(Duration.ofMillis(200)).build();
    long threadsBefore = appThreads();
    long filesBefore = openFiles();
    Map<ErrorType, Integer> seen = new EnumMap<>(ErrorType.class);
    for (int i = 0; i < 100; i++) {
      PrometheusHttpClient c = faulty;
      switch (i % 5) {
        case 0 -> server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        case 1 -> server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
        case 2 -> server.enqueue(new MockResponse.Builder().body("x".repeat(4096)).build());
        case 3 -> server.enqueue(new MockResponse.Builder().body("<html>login</html>").build());
        default -> c = down;
      }
      PrometheusHttpClient client = c;
      QueryException e = catchThrowableOfType(QueryException.class, () -> client.instantQuery("up", Instant.EPOCH));
      assertThat(e).as("query %d", i).isNotNull();
      seen.merge(e.type(), 1, Integer::sum);
    }
    assertThat(seen).containsEntry(ErrorType.TIMEOUT, 20).containsEntry(ErrorType.UNAVAILABLE, 40)
        .containsEntry(ErrorType.INTERNAL, 40);
    // Idle keep-alive connections may stay pooled (up to the pool's limit); nothing else may.
    assertThat(pool.connectionCount()).isLessThanOrEqualTo(5);
    assertThat(appThreads()).isLessThanOrEqualTo(threadsBefore);
    pool.evictAll();
    server.close();
    assertThat(pool.connectionCount()).isZero();
    assertThat(openFiles()).isLessThanOrEqualTo(filesBefore + 2);
  }
}
