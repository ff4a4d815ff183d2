package dev.tocsin.logql.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the embedded engine, with Loki's per-tenant defaults: {@code query_timeout} 1m,
 * {@code max_query_series} 500 (0 turns the check off), and for log queries the API's default
 * {@code limit} of 100 lines and the 30 s look-back of instant log queries.
 */
public record LogqlEngineOptions(Duration timeout, int maxSeries, int logLimit, Duration instantLogLookback) {
  /** Loki's defaults. */
  public static final LogqlEngineOptions DEFAULTS =
      new LogqlEngineOptions(Duration.ofMinutes(1), 500, 100, Duration.ofSeconds(30));

  public LogqlEngineOptions {
    Objects.requireNonNull(timeout, "timeout is null");
    Objects.requireNonNull(instantLogLookback, "instantLogLookback is null");
    if (maxSeries < 0 || logLimit <= 0) {
      throw new IllegalArgumentException("maxSeries must be >= 0 and logLimit > 0");
    }
  }
}
