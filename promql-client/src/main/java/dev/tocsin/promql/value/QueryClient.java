package dev.tocsin.promql.value;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that answers PromQL or LogQL queries: the in-memory engines and the Prometheus and
 * Loki HTTP clients.
 */
public interface QueryClient {
  /**
   * Evaluates an expression at one instant.
   *
   * @throws QueryException when the expression is invalid, fails, or the datasource cannot answer
   */
  QueryResult instantQuery(String expr, Instant time);

  /** Evaluates an expression at every step from start to end, both included. */
  QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step);
}
