package dev.tocsin.logql.logqltest;

import dev.tocsin.promql.promqltest.SeriesValues;
import java.util.List;

/**
 * Expected values of a {@code .logqltest} script, in promqltest's expanding notation
 * ({@link SeriesValues}), and Prometheus' tolerant comparison of results against them.
 */
final class ExpectedValues {
  private ExpectedValues() {}

  /** The values, a missing point as {@code null}. */
  static List<Double> parse(String text) {
    try {
      return SeriesValues.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ScriptSyntaxException(e.getMessage());
    }
  }

  /** Prometheus' test comparison ({@code util/almost.Equal}, ε = 1e-6); NaN equals NaN. */
  static boolean almostEqual(double a, double b) {
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double absSum = Math.abs(a) + Math.abs(b);
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
      return diff < 1e-6 * Double.MIN_NORMAL;
    }
    return diff / Math.min(absSum, Double.MAX_VALUE) < 1e-6;
  }
}
