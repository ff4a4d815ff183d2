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

  /**
   * The bits of a placeholder for a native histogram sample: the storage holds only floats, so a
   * histogram sample is kept as this NaN and any query that reads it is rejected.
   */
  static final long HISTOGRAM_BITS = 0x7ff0000000000003L;

  /** The native histogram placeholder as a double. */
  static final double HISTOGRAM = Double.longBitsToDouble(HISTOGRAM_BITS);

  /** Whether a stored value is a native histogram placeholder. */
  static boolean isHistogram(double v) {
    return Double.doubleToRawLongBits(v) == HISTOGRAM_BITS;
  }

  /** Whether a value is the staleness marker (and not just any NaN). */
  public static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == BITS;
  }
}
