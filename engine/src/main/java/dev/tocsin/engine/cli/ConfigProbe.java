package dev.tocsin.engine.cli;

import dev.tocsin.engine.config.AlertmanagerConfig;
import dev.tocsin.engine.config.DatasourceConfig;
import dev.tocsin.engine.config.EmbeddedDatasourceConfig;
import dev.tocsin.engine.config.HttpDatasourceConfig;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.daemon.Datasources;
import dev.tocsin.engine.daemon.HttpDatasources;
import dev.tocsin.engine.config.DatasourcesConfig;
import dev.tocsin.promql.http.HttpClients;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Vector;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code check config --probe}: asks each configured datasource and Alertmanager whether it answers
 * (its readiness endpoint, then a trivial query), printing one line per check, the pre-flight check
 * operators otherwise script with curl.
 */
final class ConfigProbe {
  private final PrintStream out;
  private boolean failed;

  ConfigProbe(PrintStream out) {
    this.out = out;
  }

  /** Probes everything the config names; returns whether every check passed. */
  boolean probe(TocsinConfig config) {
    datasource("prometheus", config.datasources().prometheus(), "/-/ready", true);
    datasource("loki", config.datasources().loki(), "/ready", false);
    for (AlertmanagerConfig am : config.alerting().alertmanagers()) {
      OkHttpClient http = HttpClients.create(am.http(), am.timeout());
      ready("alertmanager", http, am.url() + am.pathPrefix(), "/-/ready", null);
    }
    return !failed;
  }

  private void datasource(String name, DatasourceConfig ds, String readyPath, boolean promql) {
    if (ds instanceof EmbeddedDatasourceConfig e) {
      try {
        DatasourcesConfig only = promql ? new DatasourcesConfig(e, null) : new DatasourcesConfig(null, e);
        Datasources.create(only, Instant.now(), "", null);
        line(true, name, "embedded " + (promql ? e.seriesFile() : e.streamsFile()) + ": loaded");
      } catch (IllegalArgumentException ex) {
        line(false, name, "embedded: " + ex.getMessage());
      }
    } else if (ds instanceof HttpDatasourceConfig h) {
      OkHttpClient http;
      try {
        http = HttpClients.create(h.http(), h.timeout());
      } catch (IllegalArgumentException ex) {
        line(false, name, ex.getMessage());
        return;
      }
      ready(name, http, h.url(), readyPath, h.tenantId());
      HttpDatasources clients = new HttpDatasources();
      QueryClient client = promql ? clients.prometheus(h) : clients.loki(h);
      // Loki has no constant query; a metric query over a selector that matches nothing costs nothing.
      String query = promql ? "vector(1)" : "count_over_time({__tocsin_probe__=\"1\"}[1m])";
      long start = System.nanoTime();
      try {
        QueryResult r = client.instantQuery(query, Instant.now());
        boolean ok = r instanceof Vector || r instanceof Scalar;
        line(ok, name, "query " + query + ": " + (ok ? "ok" : "unexpected " + r.getClass().getSimpleName())
            + millis(start));
      } catch (QueryException ex) {
        line(false, name, "query " + query + ": " + ex.getMessage());
      }
    }
  }

  private void ready(String name, OkHttpClient http, String base, String path, String tenant) {
    HttpUrl url = HttpUrl.parse(base.replaceAll("/+$", "") + path);
    if (url == null) {
      line(false, name, "invalid URL " + base);
      return;
    }
    Request.Builder rb = new Request.Builder().url(url).get();
    if (tenant != null) {
      rb.header("X-Scope-OrgID", tenant);
    }
    long start = System.nanoTime();
    try (Response r = http.newCall(rb.build()).execute()) {
      if (r.isSuccessful()) {
        line(true, name, "GET " + url + ": " + r.code() + millis(start));
      } else if (r.code() == 404) {
        // Some compatible servers (Thanos Query, Mimir) have no such endpoint; the query decides.
        out.println("  WARN   " + name + ": GET " + url + ": 404, no readiness endpoint");
      } else {
        line(false, name, "GET " + url + ": " + r.code() + " " + r.message());
      }
    } catch (InterruptedIOException e) {
      line(false, name, "GET " + url + ": timed out");
    } catch (IOException e) {
      line(false, name, "GET " + url + ": " + e.getMessage());
    }
  }

  private static String millis(long startNanos) {
    return " (" + (System.nanoTime() - startNanos) / 1_000_000 + " ms)";
  }

  private void line(boolean ok, String name, String text) {
    failed |= !ok;
    out.println((ok ? "  OK     " : "  FAILED ") + name + ": " + text);
  }
}
