package dev.tocsin.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second Alertmanager in the test JVM that records every alert posted to {@code /api/v2/alerts}
 * as sent: a real Alertmanager merges updates (keeping the earliest {@code startsAt}), so only a
 * recording shows what each notification carried.
 */
final class AlertSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One posted alert and when it arrived. */
  record Received(Instant at, JsonNode alert) {
    String label(String name) {
      return alert.path("labels").path(name).asText();
    }

    Instant time(String field) {
      return Instant.parse(alert.path(field).asText());
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private AlertSink(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free loopback port. */
  static AlertSink start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    AlertSink sink = new AlertSink(server);
    server.createContext("/api/v2/alerts", x -> {
      Instant at = Instant.now();
      for (JsonNode a : JSON.readTree(x.getRequestBody())) {
        sink.received.add(new Received(at, a));
      }
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    server.start();
    return sink;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The alerts received since {@code since} whose label {@code name} is {@code value}, in order. */
  List<Received> since(Instant since, String name, String value) {
    return received.stream().filter(r -> !r.at().isBefore(since) && r.label(name).equals(value)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
