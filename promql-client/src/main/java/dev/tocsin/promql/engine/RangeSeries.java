package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;
import java.util.Arrays;

/**
 * One series of a range vector: the points of a window as a slice {@code [from, from + size)} of
 * primitive arrays. A window over stored samples without stale markers is a view of the storage's
 * own arrays, so selecting a range copies nothing.
 */
final class RangeSeries {
  private final Labels metric;
  private final long[] timestamps;
  private final double[] values;
  private final int from;
  private final int size;
  private final boolean dropName;

  RangeSeries(Labels metric, long[] timestamps, double[] values, int from, int size, boolean dropName) {
    this.metric = metric;
    this.timestamps = timestamps;
    this.values = values;
    this.from = from;
    this.size = size;
    this.dropName = dropName;
  }

  Labels metric() {
    return metric;
  }

  boolean dropName() {
    return dropName;
  }

  int size() {
    return size;
  }

  /** The backing timestamps; valid indexes are {@code [offset(), offset() + size())}. */
  long[] timestampArray() {
    return timestamps;
  }

  /** The backing values; valid indexes are {@code [offset(), offset() + size())}. */
  double[] valueArray() {
    return values;
  }

  int offset() {
    return from;
  }

  long timestamp(int i) {
    return timestamps[from + i];
  }

  double value(int i) {
    return values[from + i];
  }

  long[] timestampsCopy() {
    return Arrays.copyOfRange(timestamps, from, from + size);
  }

  double[] valuesCopy() {
    return Arrays.copyOfRange(values, from, from + size);
  }
}
