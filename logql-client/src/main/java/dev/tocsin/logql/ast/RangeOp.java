package dev.tocsin.logql.ast;

/** The functions applied to a log range, and which of them need or forbid an {@code unwrap}. */
public enum RangeOp {
  COUNT_OVER_TIME("count_over_time"),
  RATE("rate"),
  RATE_COUNTER("rate_counter"),
  BYTES_OVER_TIME("bytes_over_time"),
  BYTES_RATE("bytes_rate"),
  AVG_OVER_TIME("avg_over_time"),
  SUM_OVER_TIME("sum_over_time"),
  MIN_OVER_TIME("min_over_time"),
  MAX_OVER_TIME("max_over_time"),
  STDVAR_OVER_TIME("stdvar_over_time"),
  STDDEV_OVER_TIME("stddev_over_time"),
  QUANTILE_OVER_TIME("quantile_over_time"),
  FIRST_OVER_TIME("first_over_time"),
  LAST_OVER_TIME("last_over_time"),
  ABSENT_OVER_TIME("absent_over_time");

  private final String symbol;

  RangeOp(String symbol) {
    this.symbol = symbol;
  }

  /** The function name as written in a query. */
  public String symbol() {
    return symbol;
  }

  /** Whether Loki accepts this function with an unwrapped label. */
  public boolean allowsUnwrap() {
    return switch (this) {
      case COUNT_OVER_TIME, BYTES_OVER_TIME, BYTES_RATE -> false;
      default -> true;
    };
  }

  /** Whether Loki accepts this function without an unwrapped label (counting lines or bytes). */
  public boolean allowsLogRange() {
    return switch (this) {
      case COUNT_OVER_TIME, RATE, BYTES_OVER_TIME, BYTES_RATE, ABSENT_OVER_TIME -> true;
      default -> false;
    };
  }

  /** Whether Loki accepts {@code by}/{@code without} after this function. */
  public boolean allowsGrouping() {
    return switch (this) {
      case AVG_OVER_TIME, STDDEV_OVER_TIME, STDVAR_OVER_TIME, QUANTILE_OVER_TIME, MAX_OVER_TIME,
          MIN_OVER_TIME, FIRST_OVER_TIME, LAST_OVER_TIME -> true;
      default -> false;
    };
  }
}
