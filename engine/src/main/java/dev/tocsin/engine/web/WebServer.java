package dev.tocsin.engine.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.tocsin.engine.daemon.Daemon;
import dev.tocsin.engine.daemon.GroupStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP surface on the JDK's server with a bounded pool: Prometheus' rules and alerts
 * API, the status page, {@code /metrics}, the health and readiness probes, and {@code POST
 * /-/reload} when the lifecycle API is enabled; with a web config, over TLS and behind basic auth.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final BasicAuth auth;
  private final Map<String, String> headers;

  /** Reloads the configuration; returns {@code null} on success or the reason it was rejected. */
  public interface Reloader {
    String reload();
  }

  public WebServer(InetSocketAddress address, Daemon daemon, PrometheusMeterRegistry registry, Reloader reloader,
      boolean lifecycle, WebConfig web, Clock clock) throws IOException {
    server = web.tls() == null ? HttpServer.create(address, 128) : https(address, web.tls());
    auth = web.requiresAuth() ? new BasicAuth(web.users()) : null;
    headers = web.headers();
    AtomicInteger n = new AtomicInteger();
    // Bounded: a flood of API clients queues or is refused, it never takes threads from evaluations.
    executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
      Thread t = new Thread(r, "tocsin-web-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(executor);
    RulesApi api = new RulesApi();
    server.createContext("/api/v1/rules", get(x -> {
      ApiQuery q = ApiQuery.parse(x.getRequestURI().getRawQuery());
      reply(x, 200, JSON, api.rules(sortedGroups(daemon), RulesFilter.from(q)));
    }));
    server.createContext("/api/v1/alerts", get(x -> {
      ApiQuery.parse(x.getRequestURI().getRawQuery());
      reply(x, 200, JSON, api.alerts(sortedGroups(daemon)));
    }));
    server.createContext("/metrics", get(x -> reply(x, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape())));
    server.createContext("/-/healthy", get(x -> reply(x, 200, TEXT, "Tocsin is Healthy.\n")));
    server.createContext("/-/ready", get(x -> {
      if (daemon.ready()) {
        reply(x, 200, TEXT, "Tocsin is Ready.\n");
      } else {
        reply(x, 503, TEXT, "Service Unavailable\n");
      }
    }));
    server.createContext("/-/reload", x -> handle(x, () -> {
      if (!x.getRequestMethod().equals("POST") && !x.getRequestMethod().equals("PUT")) {
        reply(x, 405, TEXT, "Only POST or PUT requests allowed\n");
      } else if (!lifecycle) {
        reply(x, 403, TEXT, "Lifecycle API is not enabled.\n");
      } else {
        String error = reloader.reload();
        if (error == null) {
          reply(x, 200, TEXT, "");
        } else {
          reply(x, 500, TEXT, "failed to reload config: " + error + "\n");
        }
      }
    }));
    server.createContext("/", get(x -> {
      String path = x.getRequestURI().getPath();
      if (!path.equals("/") && !path.equals("/rules") && !path.equals("/alerts")) {
        reply(x, 404, TEXT, "404 page not found\n");
        return;
      }
      ApiQuery q = ApiQuery.parse(x.getRequestURI().getRawQuery());
      String group = q.has("group") ? q.first("group") : null;
      String rule = q.has("rule") ? q.first("rule") : null;
      reply(x, 200, HTML, StatusPage.render(sortedGroups(daemon), daemon::generatorUrl, clock.instant(), group, rule));
    }));
    server.start();
  }

  /** The groups in Prometheus' order, by file and then name, which its API and pages list them in. */
  private static List<GroupStatus> sortedGroups(Daemon daemon) {
    return daemon.groups().stream().sorted(Comparator.comparing(GroupStatus::key)).toList();
  }

  private static HttpsServer https(InetSocketAddress address, WebConfig.Tls tls) throws IOException {
    HttpsServer s = HttpsServer.create(address, 128);
    s.setHttpsConfigurator(new HttpsConfigurator(tls.context()) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = tls.context().getDefaultSSLParameters();
        p.setProtocols(tls.protocols().toArray(new String[0]));
        if (tls.clientAuth().need()) {
          p.setNeedClientAuth(true);
        } else if (tls.clientAuth().want()) {
          p.setWantClientAuth(true);
        }
        params.setSSLParameters(p);
      }
    });
    return s;
  }

  /** The address the server listens on (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** One exchange's work. */
  private interface Exchange {
    void run() throws IOException, ApiQuery.BadQueryException;
  }

  private HttpHandler get(ExchangeHandler h) {
    return x -> handle(x, () -> {
      if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
        reply(x, 405, TEXT, "Method Not Allowed\n");
      } else {
        h.handle(x);
      }
    });
  }

  /** A handler that may throw. */
  private interface ExchangeHandler {
    void handle(HttpExchange x) throws IOException, ApiQuery.BadQueryException;
  }

  private void handle(HttpExchange x, Exchange work) {
    try (x) {
      headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
      // Every path is protected, the probes included, as Prometheus' exporter-toolkit does.
      if (auth != null && !auth.allows(x.getRequestHeaders().getFirst("Authorization"))) {
        x.getResponseHeaders().set("WWW-Authenticate", "Basic");
        reply(x, 401, TEXT, "Unauthorized\n");
        return;
      }
      try {
        work.run();
      } catch (ApiQuery.BadQueryException e) {
        reply(x, 400, JSON, RulesApi.error("bad_data", e.getMessage()));
      }
    } catch (IOException | RuntimeException e) {
      // A client that went away or a bug in one handler must not take the server down. The query
      // string stays out of the log line: only the path is logged.
      LOG.warn("HTTP {} {} failed: {}", x.getRequestMethod(), x.getRequestURI().getPath(), e.toString());
    }
  }

  private static void reply(HttpExchange x, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    reply(x, status, contentType, bytes.length, out -> out.write(bytes));
  }

  private static void reply(HttpExchange x, int status, String contentType, JsonBytes body) throws IOException {
    reply(x, status, contentType, body.length(), body::writeTo);
  }

  /** Writes a response body of a known length. */
  private interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void reply(HttpExchange x, int status, String contentType, int length, BodyWriter body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", contentType);
    boolean head = x.getRequestMethod().equals("HEAD");
    x.sendResponseHeaders(status, head || length == 0 ? -1 : length);
    if (!head && length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }
}
