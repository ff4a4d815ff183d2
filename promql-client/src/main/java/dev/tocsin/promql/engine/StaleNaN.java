package dev.tocsin.promql.engine;

/**
 * Prometheus' staleness marker: a NaN with a specific bit pattern (0x7ff0000000000002) that ends a
 * series, so that the lookback does not carry its last value for five more minutes.
 */
public final class StaleNaN {
  /** The raw bits of the marker, as Prometheus' {@code value.StaleNaN}. */
  public static final long BITS = 0x7ff0000000000002L;

  /** The marker as a double. */
  public static final double VALUE = Double.longBitsToDouble(BITS);

  private StaleNaN() {}

  /** Whether a value is the staleness marker (and not just any NaN). */
  public static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == BITS;
  }
}
