package dev.tocsin.engine.eval;

/** Prometheus' stale marker: a NaN with a distinct bit pattern, written when a series disappears. */
public final class Staleness {
  /** The StaleNaN bit pattern 0x7ff0000000000002. */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

  /** The stale marker value. */
  public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

  private Staleness() {}

  /** Whether a value is the stale marker (not merely any NaN). */
  public static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
  }
}
