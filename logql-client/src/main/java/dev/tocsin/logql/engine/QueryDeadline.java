package dev.tocsin.logql.engine;

import dev.tocsin.promql.value.QueryException;

/** Loki's {@code query_timeout}, checked every few thousand lines so a huge query fails cleanly instead of running on. */
final class QueryDeadline {
  static final String TIMEOUT_MESSAGE =
      "request timed out, decrease the duration of the request or add more label matchers (prefer exact"
          + " match over regex match) to reduce the amount of data processed";

  private final long deadlineNanos;
  private int ticks;

  QueryDeadline(long timeoutNanos) {
    this.deadlineNanos = System.nanoTime() + timeoutNanos;
  }

  void tick() {
    if ((++ticks & 0xfff) == 0) {
      check();
    }
  }

  void check() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new QueryException(QueryException.ErrorType.TIMEOUT, TIMEOUT_MESSAGE);
    }
  }
}
