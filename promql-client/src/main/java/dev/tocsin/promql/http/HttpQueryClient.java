package dev.tocsin.promql.http;

import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryResult;
import java.time.Duration;
import java.time.Instant;

/** A {@link QueryClient} over HTTP whose answers also carry the server's warnings. */
public interface HttpQueryClient extends QueryClient {
  /** An instant query with the server's warnings. */
  QueryResponse instant(String expr, Instant time);

  /** A range query with the server's warnings. */
  QueryResponse range(String expr, Instant start, Instant end, Duration step);

  @Override
  default QueryResult instantQuery(String expr, Instant time) {
    return instant(expr, time).result();
  }

  @Override
  default QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
    return range(expr, start, end, step).result();
  }
}
