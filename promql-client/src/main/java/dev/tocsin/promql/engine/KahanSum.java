package dev.tocsin.promql.engine;

/**
 * Kahan–Neumaier compensated summation as Prometheus 3.x uses it for sum, avg and the
 * {@code *_over_time} functions; keeping the last digit equal to Prometheus' needs the same order
 * of operations.
 */
final class KahanSum {
  private double sum;
  private double c;

  /** Adds a value. */
  void add(double v) {
    double t = sum + v;
    if (Double.isInfinite(t)) {
      c = 0;
    } else if (Math.abs(sum) >= Math.abs(v)) {
      c += (sum - t) + v;
    } else {
      c += (v - t) + sum;
    }
    sum = t;
  }

  /** The raw running sum without the compensation. */
  double rawSum() {
    return sum;
  }

  /** The compensation term. */
  double compensation() {
    return c;
  }

  /** The compensated sum. */
  double value() {
    return Double.isInfinite(sum) ? sum : sum + c;
  }

  void set(double newSum, double newC) {
    sum = newSum;
    c = newC;
  }
}
