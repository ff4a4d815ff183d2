package dev.tocsin.promql.http;

import dev.tocsin.model.PromDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Queries a server speaking Prometheus' HTTP API: Prometheus, Thanos, Mimir (base URL with its
 * {@code /prometheus} prefix and a tenant) and VictoriaMetrics. Queries are form-encoded {@code
 * POST}s to {@code /api/v1/query} and {@code /api/v1/query_range}, as Prometheus' rule manager
 * sends them, with times in decimal Unix seconds and the client's timeout passed on as the {@code
 * timeout} parameter so the server gives up when the client does.
 */
public final class PrometheusHttpClient implements HttpQueryClient {
  private final HttpQueryTransport transport;

  private PrometheusHttpClient(HttpQueryTransport transport) {
    this.transport = transport;
  }

  /** Starts a client for a base URL such as {@code http://localhost:9090} or {@code http://mimir/prometheus}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** Options of a {@link PrometheusHttpClient}. */
  public static final class Builder extends HttpQueryClientBuilder<Builder> {
    private Builder(String baseUrl) {
      super(baseUrl);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException for a bad URL, unreadable TLS files or a bad proxy URL
     */
    public PrometheusHttpClient build() {
      return new PrometheusHttpClient(transport("Prometheus"));
    }
  }

  @Override
  public QueryResponse instant(String expr, Instant time) {
    FormBody form = new FormBody.Builder()
        .add("query", expr)
        .add("time", seconds(time))
        .add("timeout", PromDuration.format(transport.timeout()))
        .build();
    return send("api/v1/query", form);
  }

  @Override
  public QueryResponse range(String expr, Instant start, Instant end, Duration step) {
    FormBody form = new FormBody.Builder()
        .add("query", expr)
        .add("start", seconds(start))
        .add("end", seconds(end))
        .add("step", new BigDecimal(step.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString())
        .add("timeout", PromDuration.format(transport.timeout()))
        .build();
    return send("api/v1/query_range", form);
  }


  private QueryResponse send(String path, FormBody form) {
    return transport.execute(new Request.Builder().url(transport.endpoint(path).build()).post(form), ApiResults::decode);
  }

  private static String seconds(Instant t) {
    return new BigDecimal(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }
}
