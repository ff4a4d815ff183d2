package dev.tocsin.logql.engine;

import dev.tocsin.logql.ast.RangeOp;
import java.util.Arrays;

/** The per-window functions of LogQL range aggregations ({@code range_vector.go}), over samples {@code [lo, hi)}. */
final class RangeFunctions {
  private RangeFunctions() {}

  static double apply(
      RangeOp op, double param, long[] ts, double[] v, int lo, int hi, long windowStart, long windowEnd, long rangeNanos) {
    int n = hi - lo;
    double rangeSeconds = rangeNanos / 1e9;
    switch (op) {
      case COUNT_OVER_TIME:
        return n;
      case RATE:
      case BYTES_RATE:
        return sum(v, lo, hi) / rangeSeconds;
      case BYTES_OVER_TIME:
      case SUM_OVER_TIME:
        return sum(v, lo, hi);
      case RATE_COUNTER:
        return counterRate(ts, v, lo, hi, windowStart, windowEnd, rangeSeconds);
      case AVG_OVER_TIME:
        return average(v, lo, hi);
      case MIN_OVER_TIME: {
        double m = v[lo];
        for (int i = lo; i < hi; i++) {
          if (v[i] < m || Double.isNaN(m)) {
            m = v[i];
          }
        }
        return m;
      }
      case MAX_OVER_TIME: {
        double m = v[lo];
        for (int i = lo; i < hi; i++) {
          if (v[i] > m || Double.isNaN(m)) {
            m = v[i];
          }
        }
        return m;
      }
      case STDVAR_OVER_TIME:
        return variance(v, lo, hi);
      case STDDEV_OVER_TIME:
        return Math.sqrt(variance(v, lo, hi));
      case QUANTILE_OVER_TIME:
        return quantile(param, v, lo, hi);
      case FIRST_OVER_TIME:
        return v[lo];
      case LAST_OVER_TIME:
        return v[hi - 1];
      case ABSENT_OVER_TIME:
        return 1;
      default:
        throw new IllegalStateException("unhandled range function " + op);
    }
  }

  private static double sum(double[] v, int lo, int hi) {
    double s = 0;
    for (int i = lo; i < hi; i++) {
      s += v[i];
    }
    return s;
  }

  /** The running mean with Prometheus' guards for infinities. */
  static double average(double[] v, int lo, int hi) {
    double mean = 0;
    int count = 0;
    for (int i = lo; i < hi; i++) {
      double x = v[i];
      count++;
      if (Double.isInfinite(mean)) {
        if (Double.isInfinite(x) && (mean > 0) == (x > 0)) {
          continue;
        }
        if (!Double.isInfinite(x) && !Double.isNaN(x)) {
          continue;
        }
      }
      mean += x / count - mean / count;
    }
    return mean;
  }

  /** Population variance (Welford). */
  private static double variance(double[] v, int lo, int hi) {
    double mean = 0;
    double aux = 0;
    int count = 0;
    for (int i = lo; i < hi; i++) {
      count++;
      double delta = v[i] - mean;
      mean += delta / count;
      aux += delta * (v[i] - mean);
    }
    return aux / count;
  }

  /** Prometheus' quantile: linear interpolation between the closest ranks. */
  static double quantile(double q, double[] v, int lo, int hi) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    double[] s = Arrays.copyOfRange(v, lo, hi);
    Arrays.sort(s);
    int n = s.length;
    double rank = q * (n - 1);
    int lower = (int) Math.max(0, Math.floor(rank));
    int upper = (int) Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return s[lower] * (1 - weight) + s[upper] * weight;
  }

  /**
   * Prometheus' extrapolated counter rate, with the window edges taken from the query window as
   * Loki does since its 2026 fix of {@code rate_counter}; a single sample gives 0.
   */
  private static double counterRate(
      long[] ts, double[] v, int lo, int hi, long windowStart, long windowEnd, double rangeSeconds) {
    if (hi - lo < 2) {
      return 0;
    }
    double result = v[hi - 1] - v[lo];
    double prev = v[lo];
    for (int i = lo + 1; i < hi; i++) {
      if (v[i] < prev) {
        result += prev;
      }
      prev = v[i];
    }
    double first = ts[lo] / 1e9;
    double last = ts[hi - 1] / 1e9;
    double durationToStart = first - windowStart / 1e9;
    double durationToEnd = windowEnd / 1e9 - last;
    double sampled = last - first;
    double avgBetween = sampled / (hi - lo - 1);
    double threshold = avgBetween * 1.1;
    // Prometheus 3.x order: cap at half an interval first, then the zero point may only shorten it.
    if (durationToStart >= threshold) {
      durationToStart = avgBetween / 2;
    }
    if (result > 0 && v[lo] >= 0) {
      double durationToZero = sampled * (v[lo] / result);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    if (durationToEnd >= threshold) {
      durationToEnd = avgBetween / 2;
    }
    double extrapolateTo = sampled + durationToStart + durationToEnd;
    result = result * (extrapolateTo / sampled);
    return result / rangeSeconds;
  }
}
