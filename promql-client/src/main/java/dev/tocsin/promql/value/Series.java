package dev.tocsin.promql.value;

import dev.tocsin.model.Labels;
import java.util.Arrays;
import java.util.Objects;

/**
 * One series of a range matrix: labels and float points in time order, held in primitive arrays
 * (timestamps in milliseconds since the epoch).
 */
public final class Series {
  private final Labels metric;
  private final long[] timestamps;
  private final double[] values;

  public Series(Labels metric, long[] timestamps, double[] values) {
    this.metric = Objects.requireNonNull(metric, "metric is null");
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException("timestamps and values differ in length");
    }
    this.timestamps = timestamps.clone();
    this.values = values.clone();
  }

  public Labels metric() {
    return metric;
  }

  /** The number of points. */
  public int size() {
    return timestamps.length;
  }

  /** The timestamp of point {@code i}. */
  public long timestamp(int i) {
    return timestamps[i];
  }

  /** The value of point {@code i}. */
  public double value(int i) {
    return values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s && metric.equals(s.metric) && Arrays.equals(timestamps, s.timestamps)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return 31 * metric.hashCode() + Arrays.hashCode(timestamps);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(metric.toString()).append(" =>");
    for (int i = 0; i < timestamps.length; i++) {
      sb.append(' ').append(values[i]).append(" @").append(timestamps[i]);
    }
    return sb.toString();
  }
}
