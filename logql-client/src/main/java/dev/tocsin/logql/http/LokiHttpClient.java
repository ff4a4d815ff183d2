package dev.tocsin.logql.http;

import dev.tocsin.promql.http.HttpQueryClientBuilder;
import dev.tocsin.promql.http.HttpQueryClient;
import dev.tocsin.promql.http.HttpQueryTransport;
import dev.tocsin.promql.http.QueryResponse;
import dev.tocsin.promql.value.QueryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Queries a Loki server over HTTP: {@code /loki/api/v1/query} and {@code /loki/api/v1/query_range},
 * through the shared {@link HttpQueryTransport} (tenant, {@code http_config}, timeouts, typed
 * errors). Loki's errors (plain-text bodies on 400, 401 "no org id", 429, 5xx) become {@link
 * QueryException}s naming the status and quoting the start of the body.
 */
public final class LokiHttpClient implements HttpQueryClient {
  private final HttpQueryTransport transport;
  private final int logLimit;

  private LokiHttpClient(HttpQueryTransport transport, int logLimit) {
    this.transport = transport;
    this.logLimit = logLimit;
  }

  /** Starts a client for a Loki base URL such as {@code http://localhost:3100}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** Options of a {@link LokiHttpClient}. */
  public static final class Builder extends HttpQueryClientBuilder<Builder> {
    private int logLimit;

    private Builder(String baseUrl) {
      super(baseUrl);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The {@code limit} parameter: the most log lines a log query returns (Loki's default is 100). */
    public Builder logLimit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit must be positive");
      }
      this.logLimit = limit;
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException for a bad URL, unreadable TLS files or a bad proxy URL
     */
    public LokiHttpClient build() {
      return new LokiHttpClient(transport("Loki"), logLimit);
    }
  }

  @Override
  public QueryResponse instant(String expr, Instant time) {
    return execute(endpoint("query").addQueryParameter("query", expr).addQueryParameter("time", nanos(time)).build());
  }

  @Override
  public QueryResponse range(String expr, Instant start, Instant end, Duration step) {
    HttpUrl url =
        endpoint("query_range")
            .addQueryParameter("query", expr)
            .addQueryParameter("start", nanos(start))
            .addQueryParameter("end", nanos(end))
            .addQueryParameter("step", seconds(step))
            .build();
    return execute(url);
  }


  private HttpUrl.Builder endpoint(String name) {
    HttpUrl.Builder b = transport.endpoint("loki/api/v1/" + name);
    if (logLimit > 0) {
      b.addQueryParameter("limit", Integer.toString(logLimit));
    }
    return b;
  }

  private static String nanos(Instant t) {
    return BigInteger.valueOf(t.getEpochSecond())
        .multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(t.getNano()))
        .toString();
  }

  private static String seconds(Duration d) {
    return new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros().toPlainString();
  }

  private QueryResponse execute(HttpUrl url) {
    return transport.execute(new Request.Builder().url(url).get(), LokiResponses::decode);
  }
}
