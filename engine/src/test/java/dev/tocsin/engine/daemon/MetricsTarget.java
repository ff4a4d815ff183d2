package dev.tocsin.engine.daemon;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A scrape target in the test JVM whose {@code /metrics} page (gauges only) the test sets. */
final class MetricsTarget implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Double> series = new TreeMap<>();

  private MetricsTarget(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free loopback port. */
  static MetricsTarget start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    MetricsTarget target = new MetricsTarget(server);
    server.createContext("/metrics", x -> {
      byte[] body = target.page().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return target;
  }

  /** {@code host:port}, as Prometheus' {@code instance} label will say. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Sets a series, {@code name{labels}}, to a value from the next scrape on. */
  synchronized void set(String seriesText, double value) {
    series.put(seriesText, value);
  }

  private synchronized String page() {
    StringBuilder b = new StringBuilder();
    series.forEach((s, v) -> b.append(s).append(' ').append(v).append('\n'));
    return b.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
