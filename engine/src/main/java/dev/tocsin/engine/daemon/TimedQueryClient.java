package dev.tocsin.engine.daemon;

import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query client that times every request into {@code tocsin_datasource_request_duration_seconds}
 * with the datasource's name, failed ones included, and logs each at debug level on the calling
 * thread, so the line carries the evaluation's correlation id.
 */
final class TimedQueryClient implements QueryClient {
  private static final Logger LOG = LoggerFactory.getLogger(TimedQueryClient.class);

  private final QueryClient delegate;
  private final String datasource;
  private final Timer timer;

  TimedQueryClient(QueryClient delegate, String datasource, MeterRegistry registry) {
    this.delegate = delegate;
    this.datasource = datasource;
    // Quantiles like Prometheus' own prometheus_engine_query_duration_seconds summary.
    this.timer = Timer.builder("tocsin.datasource.request.duration").tag("datasource", datasource)
        .description("The duration of queries to a datasource, successful or not.")
        .publishPercentiles(0.5, 0.9, 0.99).register(registry);
  }

  @Override
  public QueryResult instantQuery(String expr, Instant time) {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      QueryResult r = delegate.instantQuery(expr, time);
      ok = true;
      return r;
    } finally {
      done(start, "instant", expr, ok);
    }
  }

  @Override
  public QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
    long started = System.nanoTime();
    boolean ok = false;
    try {
      QueryResult r = delegate.rangeQuery(expr, start, end, step);
      ok = true;
      return r;
    } finally {
      done(started, "range", expr, ok);
    }
  }

  private void done(long start, String kind, String expr, boolean ok) {
    long nanos = System.nanoTime() - start;
    timer.record(nanos, TimeUnit.NANOSECONDS);
    if (LOG.isDebugEnabled()) {
      LOG.atDebug().addKeyValue("event", "datasource_query").addKeyValue("datasource", datasource)
          .addKeyValue("query_type", kind).addKeyValue("query", expr).addKeyValue("ok", ok)
          .addKeyValue("duration_seconds", nanos / 1e9).log("{} query to {}", kind, datasource);
    }
  }
}
