package dev.tocsin.promql.engine;

import java.util.Arrays;

/**
 * Quantile estimation as in Prometheus' quantile.go: the φ-quantile of a set of values with linear
 * interpolation between ranks, and the quantile and fraction of a classic bucketed histogram,
 * which assume a linear distribution within each bucket.
 */
final class Quantiles {
  private Quantiles() {}

  /** The φ-quantile of the values (sorted in place, NaN first as Prometheus sorts them). */
  static double quantile(double q, double[] values) {
    if (values.length == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    sortNaNFirst(values);
    double n = values.length;
    double rank = q * (n - 1);
    double lower = Math.max(0, Math.floor(rank));
    double upper = Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return values[(int) lower] * (1 - weight) + values[(int) upper] * weight;
  }

  /** Sorts ascending with NaNs before every number, as Prometheus' vectorByValueHeap orders them. */
  static void sortNaNFirst(double[] values) {
    Arrays.sort(values);
    int nan = 0;
    for (int i = values.length - 1; i >= 0 && Double.isNaN(values[i]); i--) {
      nan++;
    }
    if (nan > 0 && nan < values.length) {
      double[] copy = values.clone();
      System.arraycopy(copy, values.length - nan, values, 0, nan);
      System.arraycopy(copy, 0, values, nan, values.length - nan);
    }
  }

  /** The result of a bucket quantile and whether monotonicity had to be forced. */
  record BucketResult(double value, boolean forcedMonotonic) {}

  /**
   * The quantile of classic histogram buckets ({@code upperBounds} with cumulative {@code counts}),
   * Prometheus' BucketQuantile.
   */
  static BucketResult bucketQuantile(double q, double[] upperBounds, double[] counts) {
    if (Double.isNaN(q)) {
      return new BucketResult(Double.NaN, false);
    }
    if (q < 0) {
      return new BucketResult(Double.NEGATIVE_INFINITY, false);
    }
    if (q > 1) {
      return new BucketResult(Double.POSITIVE_INFINITY, false);
    }
    int n = sortAndCoalesce(upperBounds, counts);
    if (n == 0 || upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
      return new BucketResult(Double.NaN, false);
    }
    correctPrecision(counts, n);
    boolean forced = ensureMonotonic(counts, n);
    if (n < 2) {
      return new BucketResult(Double.NaN, false);
    }
    double observations = counts[n - 1];
    if (observations == 0) {
      return new BucketResult(Double.NaN, false);
    }
    double rank = q * observations;
    int b = 0;
    while (b < n - 1 && !(counts[b] >= rank)) {
      b++;
    }
    if (b == n - 1) {
      return new BucketResult(upperBounds[n - 2], forced);
    }
    if (b == 0 && upperBounds[0] <= 0) {
      return new BucketResult(upperBounds[0], forced);
    }
    double bucketStart = 0;
    double bucketEnd = upperBounds[b];
    double count = counts[b];
    if (b > 0) {
      bucketStart = upperBounds[b - 1];
      count -= counts[b - 1];
      rank -= counts[b - 1];
    }
    return new BucketResult(bucketStart + (bucketEnd - bucketStart) * (rank / count), forced);
  }

  /**
   * The fraction of observations between lower and upper, Prometheus' BucketFraction, with
   * interpolation inside buckets and a natural lower bound of 0 for a first bucket above 0.
   */
  static double bucketFraction(double lower, double upper, double[] upperBounds, double[] counts) {
    int n = sortAndCoalesce(upperBounds, counts);
    if (n == 0 || upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    correctPrecision(counts, n);
    ensureMonotonic(counts, n);
    double total = counts[n - 1];
    if (total == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
      return Double.NaN;
    }
    if (lower >= upper) {
      return 0;
    }
    double rank = 0;
    double lowerRank = 0;
    double upperRank = 0;
    boolean lowerSet = false;
    boolean upperSet = false;
    for (int i = 0; i < n; i++) {
      double lowerBound;
      if (i > 0) {
        lowerBound = upperBounds[i - 1];
      } else {
        lowerBound = upperBounds[0] > 0 ? 0 : Double.NEGATIVE_INFINITY;
      }
      double upperBound = upperBounds[i];
      double count = counts[i];
      if (!lowerSet && lowerBound >= lower) {
        lowerRank = rank;
        lowerSet = true;
      }
      if (!upperSet && lowerBound >= upper) {
        upperRank = rank;
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      if (!lowerSet && lowerBound < lower && upperBound > lower) {
        lowerRank = interpolate(rank, count, lowerBound, upperBound, lower);
        lowerSet = true;
      }
      if (!upperSet && lowerBound < upper && upperBound > upper) {
        upperRank = interpolate(rank, count, lowerBound, upperBound, upper);
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      rank = count;
    }
    if (!lowerSet || lowerRank > total) {
      lowerRank = total;
    }
    if (!upperSet || upperRank > total) {
      upperRank = total;
    }
    return (upperRank - lowerRank) / total;
  }

  private static double interpolate(double rank, double count, double lo, double hi, double v) {
    if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
      // Inside an unbounded bucket nothing can be interpolated: the value sits at the bucket's
      // finite edge, as Prometheus treats the +Inf bucket.
      return Double.isInfinite(hi) ? rank : count;
    }
    return rank + (count - rank) * (v - lo) / (hi - lo);
  }

  /** Sorts buckets by upper bound and merges equal bounds; returns the new length. */
  private static int sortAndCoalesce(double[] upperBounds, double[] counts) {
    int n = upperBounds.length;
    if (n == 0) {
      return 0;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(upperBounds[a], upperBounds[b]));
    double[] ub = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      ub[i] = upperBounds[order[i]];
      c[i] = counts[order[i]];
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m > 0 && ub[i] == upperBounds[m - 1]) {
        counts[m - 1] += c[i];
      } else {
        upperBounds[m] = ub[i];
        counts[m] = c[i];
        m++;
      }
    }
    return m;
  }

  private static boolean correctPrecision(double[] counts, int n) {
    boolean fixed = false;
    double prev = counts[0];
    for (int i = 1; i < n; i++) {
      double curr = counts[i];
      double delta = Math.abs(curr - prev);
      if (delta == 0) {
        continue;
      }
      if (delta / curr <= 1e-12) {
        counts[i] = prev;
        fixed = true;
      } else {
        prev = curr;
      }
    }
    return fixed;
  }

  private static boolean ensureMonotonic(double[] counts, int n) {
    boolean forced = false;
    double max = counts[0];
    for (int i = 1; i < n; i++) {
      if (counts[i] > max) {
        max = counts[i];
      } else if (counts[i] < max) {
        counts[i] = max;
        forced = true;
      }
    }
    return forced;
  }
}
