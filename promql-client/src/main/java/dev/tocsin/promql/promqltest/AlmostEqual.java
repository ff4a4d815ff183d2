package dev.tocsin.promql.promqltest;

import dev.tocsin.promql.engine.StaleNaN;

/**
 * Prometheus' test comparison of floats ({@code util/almost.Equal} with ε = 1e-6): NaN equals
 * NaN, the stale marker only itself, values near zero are compared absolutely.
 */
final class AlmostEqual {
  static final double EPSILON = 1e-6;
  private static final double MIN_NORMAL = Double.MIN_NORMAL;

  private AlmostEqual() {}

  static boolean equal(double a, double b) {
    if (StaleNaN.isStale(a) || StaleNaN.isStale(b)) {
      return StaleNaN.isStale(a) && StaleNaN.isStale(b);
    }
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double absSum = Math.abs(a) + Math.abs(b);
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || absSum < MIN_NORMAL) {
      return diff < EPSILON * MIN_NORMAL;
    }
    return diff / Math.min(absSum, Double.MAX_VALUE) < EPSILON;
  }
}
