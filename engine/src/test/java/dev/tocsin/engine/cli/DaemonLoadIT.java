package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built daemon on loopback evaluates {@code groups × rules} rules every {@code interval} over
 * embedded data while {@code clients} concurrent API clients loop over {@code /api/v1/rules},
 * {@code /api/v1/alerts} and {@code /metrics} for {@code seconds}; no evaluation may be delayed
 * (the missed-iterations counter stays 0). Scale with system properties {@code tocsin.load.groups}
 * (CI default 100), {@code tocsin.load.rules} (10), {@code tocsin.load.clients} (100),
 * {@code tocsin.load.seconds} (15) and {@code tocsin.load.interval} (1s); bench/daemon-load.sh runs
 * it at 1,000 groups and 1,000 clients, where {@code tocsin.load.allowFailures=true} accepts the
 * requests the bounded web server refuses. The daemon's JSON log lines are checked too.
 */
class DaemonLoadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PATHS = {"/api/v1/rules", "/api/v1/alerts", "/metrics"};
  private static final int SHARDS = 50;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private Process daemon;

  @AfterEach
  void stop() throws InterruptedException {
    if (daemon != null && daemon.isAlive()) {
      daemon.destroy();
      if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
  }

  private static int scale(String name, int ciDefault) {
    return Integer.getInteger("tocsin.load." + name, ciDefault);
  }

  @Test
  void apiLoadDoesNotDelayEvaluations() throws Exception {
    int groups = scale("groups", 100);
    int rules = scale("rules", 10);
    int clients = scale("clients", 100);
    int seconds = scale("seconds", 15);
    int interval = scale("interval", 1);
    writeConfig(groups, rules, interval);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-Xss512k", "-jar", Processes.tocsinJar().toAbsolutePath().toString(),
        "run", "--config.file", dir.resolve("tocsin.yml").toString(), "--web.listen-address", "127.0.0.1:" + port));
    daemon = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.log").toFile())
        .redirectError(dir.resolve("stderr.log").toFile()).start();
    String base = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    awaitReady(http, base, Duration.ofSeconds(60 + 2L * interval));
    // Past the first evaluations (cold code), and a few sequential requests of each kind, so the
    // JIT has compiled both paths before the flood: the test measures the steady state.
    Thread.sleep(3000L * interval);
    for (int i = 0; i < 30 * PATHS.length; i++) {
      assertThat(get(http, base + PATHS[i % PATHS.length]).statusCode()).isEqualTo(200);
    }
    double missedBefore = sum(get(http, base + "/metrics").body(), "tocsin_rule_group_iterations_missed_total");
    double iterationsBefore = sum(get(http, base + "/metrics").body(), "tocsin_rule_group_iterations_total");

    AtomicLong ok = new AtomicLong();
    List<Queue<Long>> latencies = new ArrayList<>();
    for (int p = 0; p < PATHS.length; p++) {
      latencies.add(new ConcurrentLinkedQueue<>());
    }
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int first = c;
      Thread t = new Thread(() -> {
        for (int i = first; System.nanoTime() < end; i++) {
          try {
            long sent = System.nanoTime();
            HttpResponse<Void> r = getWithin(http, base + PATHS[i % PATHS.length], REQUEST_TIMEOUT);
            if (r.statusCode() == 200) {
              ok.incrementAndGet();
              latencies.get(i % PATHS.length).add(System.nanoTime() - sent);
            } else {
              failed.incrementAndGet();
              firstFailure.compareAndSet(null, PATHS[i % PATHS.length] + ": HTTP " + r.statusCode());
            }
          } catch (IOException | TimeoutException | ExecutionException e) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, PATHS[i % PATHS.length] + ": " + e);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "load-client-" + c);
      t.start();
      threads.add(t);
    }
    long joinBy = end + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : threads) {
      // Every request is bounded, so a client still running past its last timeout is stuck: a failure.
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinBy - System.nanoTime())));
      if (t.isAlive()) {
        t.interrupt();
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, t.getName() + " stuck past its request timeout");
      }
    }
    String metrics = afterQueuedRequests(http, base + "/metrics");
    double missed = sum(metrics, "tocsin_rule_group_iterations_missed_total") - missedBefore;
    double iterations = sum(metrics, "tocsin_rule_group_iterations_total") - iterationsBefore;
    System.out.printf("load: %d rules in %d groups every %ds, %d clients for %ds: %d requests ok (%.0f/s), %d failed,"
        + " %.0f group iterations, %.0f missed%n", groups * rules, groups, interval, clients, seconds, ok.get(),
        ok.get() / (double) seconds, failed.get(), iterations, missed);
    for (int p = 0; p < PATHS.length; p++) {
      List<Long> l = latencies.get(p).stream().sorted().toList();
      System.out.printf("load: %s: %d ok (%.1f/s), latency p50 %s p99 %s%n", PATHS[p], l.size(),
          l.size() / (double) seconds, percentile(l, 0.5), percentile(l, 0.99));
    }
    System.out.printf("load: load average %s%n", loadAverage());
    assertThat(missed).as("missed iterations; gc pause max %s s; log lines: %s", gcPauseMax(metrics),
        missedLines()).isZero();
    // Every group kept its schedule: about seconds/interval iterations each during the load.
    assertThat(iterations).isGreaterThanOrEqualTo(groups * (seconds / (double) interval - 2));
    if (!Boolean.getBoolean("tocsin.load.allowFailures")) {
      assertThat(ok.get()).isGreaterThanOrEqualTo(clients);
      assertThat(failed.get()).as("failed requests, first: %s", firstFailure.get()).isZero();
    } else {
      // At full scale the bounded server refuses most requests by design; it must still answer some.
      assertThat(ok.get()).isPositive();
    }
    assertThat(get(http, base + "/-/ready").statusCode()).isEqualTo(200);
    daemon.destroy();
    assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertLogLinesAreJson(Files.readAllLines(dir.resolve("stdout.log")));
    assertThat(Files.readString(dir.resolve("stderr.log"))).doesNotContain("Exception");
  }

  /** The nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
  private static String percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return "-";
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return String.format("%.0f ms", sorted.get(Math.max(0, rank - 1)) / 1e6);
  }

  /** The machine's 1, 5 and 15 minute load averages, where Linux tells them. */
  private static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    if (!Files.exists(p)) {
      return "unknown";
    }
    String[] f = Files.readString(p).trim().split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static void assertLogLinesAreJson(List<String> lines) throws IOException {
    assertThat(lines).isNotEmpty();
    List<String> events = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as(line).containsExactly("ts", "level", "service", "event", "correlation_id", "msg", "extra");
      assertThat(n.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
      assertThat(n.get("service").asText()).isEqualTo("tocsin");
      events.add(n.get("event").asText());
    }
    assertThat(events).contains("started", "listening", "shutting_down", "stopped");
  }

  private void writeConfig(int groups, int rules, int interval) throws IOException {
    StringBuilder series = new StringBuilder("interval: 1s\ninput_series:\n");
    for (int s = 0; s < SHARDS; s++) {
      series.append("  - series: 'load_requests_total{shard=\"s").append(s).append("\"}'\n    values: '0+10x7200'\n");
      // Every fifth shard is down, so the alerts API has firing alerts to list.
      series.append("  - series: 'load_up{shard=\"s").append(s).append("\"}'\n    values: '")
          .append(s % 5 == 0 ? 0 : 1).append("x7200'\n");
    }
    Files.writeString(dir.resolve("series.yml"), series);
    StringBuilder r = new StringBuilder("groups:\n");
    for (int g = 0; g < groups; g++) {
      String shard = "s" + (g % SHARDS);
      r.append("  - name: group_").append(g).append("\n    rules:\n");
      for (int i = 0; i < rules; i++) {
        if (i % 2 == 0) {
          r.append("      - alert: HighRate").append(i).append("\n        expr: rate(load_requests_total{shard=\"")
              .append(shard).append("\"}[1m]) > ").append(1000 + i).append('\n');
        } else {
          r.append("      - alert: ShardDown").append(i).append("\n        expr: load_up{shard=\"").append(shard)
              .append("\"} == 0\n        labels: {severity: critical}\n")
              .append("        annotations: {summary: 'shard {{ $labels.shard }} is down'}\n");
        }
      }
    }
    Files.writeString(dir.resolve("rules.yml"), r);
    Files.writeString(dir.resolve("tocsin.yml"), "global: {evaluation_interval: " + interval + "s}\n"
        + "rule_files: [rules.yml]\n"
        + "datasources:\n  prometheus: {embedded: {series_file: series.yml}}\n");
  }

  /**
   * A GET bounded as a whole, body included (the JDK client's request timeout covers only the
   * headers). The body is read and dropped: decoding megabytes of JSON per answer would make the
   * clients, which share the daemon's two cores here, the load the test measures.
   */
  private static HttpResponse<Void> getWithin(HttpClient http, String url, Duration timeout)
      throws IOException, InterruptedException, TimeoutException, ExecutionException {
    CompletableFuture<HttpResponse<Void>> f = http.sendAsync(
        HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw e;
    }
  }

  /**
   * The body of a GET made once the load has stopped: requests the clients gave up on may still be
   * queued in the server, which times out or refuses (queue full) new ones until it has worked them
   * off, so the GET is retried for up to five times the request timeout.
   */
  private static String afterQueuedRequests(HttpClient http, String url) throws IOException, InterruptedException {
    long end = System.nanoTime() + REQUEST_TIMEOUT.multipliedBy(5).toNanos();
    while (true) {
      try {
        return get(http, url).body();
      } catch (IOException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private void awaitReady(HttpClient http, String base, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      assertThat(daemon.isAlive()).as("daemon exited: %s", stderr()).isTrue();
      try {
        if (get(http, base + "/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertThat(System.nanoTime()).as("not ready within %s: %s", timeout, stderr()).isLessThan(end);
      Thread.sleep(200);
    }
  }

  private static String gcPauseMax(String scrape) {
    Matcher m = Pattern.compile("(?m)^jvm_gc_pause_seconds_max\\{[^}]*\\} (\\S+)$").matcher(scrape);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values.toString();
  }

  private List<String> missedLines() throws IOException {
    return Files.readAllLines(dir.resolve("stdout.log")).stream().filter(l -> l.contains("\"iterations_missed\"")).toList();
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr.log"));
  }

  /** The sum of a metric's series in a Prometheus text scrape. */
  private static double sum(String scrape, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(scrape);
    double total = 0;
    int found = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
      found++;
    }
    assertThat(found).as("series of %s", name).isPositive();
    return total;
  }
}
