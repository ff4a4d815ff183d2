package dev.tocsin.bench;

import com.sun.net.httpserver.HttpServer;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.NotificationConfigResult;
import dev.tocsin.notifier.route.RoutingNotifier;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Issue 9's routing benchmark: N firing alerts in G groups go through the built-in router (with a
 * state directory, so the notification log is written as in the daemon) to a local webhook sink;
 * prints the time from the first send to the last alert delivered, against the target of one
 * {@code group_wait} + 1 s, and the heap the router holds. Run: {@code java -cp
 * bench/target/benchmarks.jar dev.tocsin.bench.RoutingThroughput [alerts] [groups] [nostate]}.
 */
public final class RoutingThroughput {
  private static final Duration GROUP_WAIT = Duration.ofSeconds(2);

  private RoutingThroughput() {}

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    // Without TCP_NODELAY the JDK's server adds delayed-ACK stalls that a real sink would not.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicInteger delivered = new AtomicInteger();
    AtomicLong lastDelivery = new AtomicLong();
    AtomicLong firstDelivery = new AtomicLong();
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService sinkThreads = Executors.newFixedThreadPool(8);
    sink.setExecutor(sinkThreads);
    sink.createContext("/warm-up", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    sink.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      delivered.addAndGet(body.split("\"fingerprint\"", -1).length - 1);
      lastDelivery.set(System.nanoTime());
      firstDelivery.compareAndSet(0, System.nanoTime());
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    sink.start();
    Path dir = Files.createTempDirectory("tocsin-routing-bench");
    Path yml = Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: sink
          group_by: [alertname, group]
          group_wait: %ds
        receivers:
          - name: sink
            webhook_configs: [{url: "http://127.0.0.1:%d/"}]
        """.formatted(GROUP_WAIT.toSeconds(), sink.getAddress().getPort()));
    NotificationConfigResult r = new NotificationConfigLoader().load(yml);
    if (r.hasErrors()) {
      throw new IllegalStateException(r.diagnostics().toString());
    }
    // As many idle connections kept as the router runs requests at once to one webhook, so a burst
    // of flushes reuses connections instead of reconnecting (OkHttp keeps 5 by default).
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
        .build();
    // A running daemon's HTTP client is loaded and compiled already; the first request of a JVM is not.
    for (int i = 0; i < 20; i++) {
      try (Response warm = client.newCall(new Request.Builder().url("http://127.0.0.1:" + sink.getAddress().getPort()
          + "/warm-up").post(RequestBody.create(new byte[0])).build()).execute()) {
        warm.code();
      }
    }
    long heapBefore = usedAfterGc();
    RoutingNotifier router = RoutingNotifier.create(r.config(), Labels.EMPTY, new RoutingNotifier.Options(
        Clock.systemUTC(), s -> {}, s -> client, "http://tocsin.example", args.length > 2 ? null : dir.resolve("state"), alerts));
    Instant now = Instant.now();
    List<OutgoingAlert> batch = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < alerts; i++) {
      batch.add(new OutgoingAlert(Labels.of("alertname", "Load", "group", "g" + (i % groups), "instance",
          "host-" + i + ":9100", "job", "node"), Labels.of("summary", "load on host-" + i), now,
          now.plusSeconds(600), "http://prometheus.example/graph?g0.expr=load", "eval-" + (i / 256)));
      if (batch.size() == 256) {
        router.send(List.copyOf(batch));
        batch.clear();
      }
    }
    router.send(List.copyOf(batch));
    long sent = System.nanoTime();
    long heldHeap = usedAfterGc() - heapBefore;
    long until = System.nanoTime() + GROUP_WAIT.plusSeconds(30).toNanos();
    while (delivered.get() < alerts && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    double total = (lastDelivery.get() - start) / 1e9;
    System.out.printf("alerts delivered:          %,d of %,d in %,d groups%n", delivered.get(), alerts, groups);
    System.out.printf("sending took:              %.3f s%n", (sent - start) / 1e9);
    System.out.printf("first send to last alert:  %.3f s (target: group_wait %d s + 1 s)%n", total,
        GROUP_WAIT.toSeconds());
    System.out.printf("first to last delivery:    %.3f s%n", (lastDelivery.get() - firstDelivery.get()) / 1e9);
    System.out.printf("router heap after ingest:  %,d bytes%n", heldHeap);
    System.out.printf("notification log file:     %,d bytes%n",
        args.length > 2 ? 0 : Files.size(dir.resolve("state").resolve("notification-log.json")));
    router.close(Duration.ofSeconds(5));
    sink.stop(0);
    // The sink's threads are not daemons: without this the JVM would never exit.
    sinkThreads.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
