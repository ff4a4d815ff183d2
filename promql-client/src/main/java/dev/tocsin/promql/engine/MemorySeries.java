package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored series: its labels and float samples in time order, kept in two growing primitive
 * arrays (16 bytes per sample, no per-sample objects). Stale markers are stored as samples.
 */
public final class MemorySeries {
  private final Labels labels;
  private long[] timestamps = new long[8];
  private double[] values = new double[8];
  /** Written after the sample it counts, so a concurrent reader never sees a half-written one. */
  private volatile int size;

  MemorySeries(Labels labels) {
    this.labels = Objects.requireNonNull(labels, "labels is null");
  }

  /** The series' labels, including {@code __name__}. */
  public Labels labels() {
    return labels;
  }

  /** The number of samples the arrays can hold before growing. */
  int capacity() {
    return timestamps.length;
  }

  /** The number of samples. */
  public int size() {
    return size;
  }

  /** The timestamp (ms) of sample {@code i}. */
  public long timestamp(int i) {
    return timestamps[i];
  }

  /** The value of sample {@code i}; may be the stale marker. */
  public double value(int i) {
    return values[i];
  }

  /**
   * Adds a sample; a sample at the timestamp of an existing one replaces it (as reloading a test
   * series does). Appending in time order is the fast path; an older sample is inserted.
   */
  void append(long t, double v) {
    int n = size;
    if (n > 0 && t <= timestamps[n - 1]) {
      int i = lastAtOrBefore(t);
      if (i >= 0 && timestamps[i] == t) {
        values[i] = v;
        return;
      }
      grow(n);
      int at = i + 1;
      System.arraycopy(timestamps, at, timestamps, at + 1, n - at);
      System.arraycopy(values, at, values, at + 1, n - at);
      timestamps[at] = t;
      values[at] = v;
      size = n + 1;
      return;
    }
    grow(n);
    timestamps[n] = t;
    values[n] = v;
    size = n + 1;
  }

  /** Drops the spare capacity, so that the series takes 16 bytes per sample. */
  void trimToSize() {
    if (timestamps.length > size) {
      timestamps = Arrays.copyOf(timestamps, size);
      values = Arrays.copyOf(values, size);
    }
  }

  private void grow(int n) {
    if (n == timestamps.length) {
      int capacity = Math.max(8, n * 2);
      // The values array is replaced first: a reader that sees the new timestamps array then
      // finds at least as many values.
      values = Arrays.copyOf(values, capacity);
      timestamps = Arrays.copyOf(timestamps, capacity);
    }
  }

  /** The backing timestamps, for zero-copy range windows; valid up to {@link #size()}. */
  long[] timestampArray() {
    return timestamps;
  }

  /** The backing values, for zero-copy range windows; valid up to {@link #size()}. */
  double[] valueArray() {
    return values;
  }

  /** The index of the last sample at or before {@code t}, or -1. */
  int lastAtOrBefore(long t) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi;
  }

  /** The index of the first sample after {@code t}, or {@code size}. */
  int firstAfter(long t) {
    return lastAtOrBefore(t) + 1;
  }
}
