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

  /**
   * Prometheus' mean of {@code n} values (avg and avg_over_time): a Kahan-compensated sum divided
   * at the end, switching to an incremental mean once the sum would overflow.
   */
  static double mean(int n, java.util.function.IntToDoubleFunction value) {
    double sum = value.applyAsDouble(0);
    double c = 0;
    double mean = 0;
    boolean incremental = false;
    double count = 1;
    for (int i = 1; i < n; i++) {
      double f = value.applyAsDouble(i);
      count = i + 1;
      if (!incremental) {
        KahanSum k = new KahanSum();
        k.set(sum, c);
        k.add(f);
        if (!Double.isInfinite(k.rawSum())) {
          sum = k.rawSum();
          c = k.compensation();
          continue;
        }
        incremental = true;
        mean = sum / (count - 1);
        c /= count - 1;
      }
      double q = (count - 1) / count;
      KahanSum k = new KahanSum();
      k.set(q * mean, q * c);
      k.add(f / count);
      mean = k.rawSum();
      c = k.compensation();
    }
    if (incremental) {
      return mean + c;
    }
    return sum / count + c / count;
  }
}
