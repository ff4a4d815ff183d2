package dev.tocsin.logql.engine;

import dev.tocsin.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The samples a range aggregation's log range produced for a whole query, grouped into series by final labels. */
final class SeriesSet {
  /** One series: sorted timestamps (ns) and values. */
  static final class SampleSeries {
    final Labels labels;
    final boolean errored;
    long[] ts = new long[4];
    double[] values = new double[4];
    int size;
    boolean sorted = true;

    SampleSeries(Labels labels, boolean errored) {
      this.labels = labels;
      this.errored = errored;
    }

    void add(long t, double v) {
      if (size == ts.length) {
        ts = Arrays.copyOf(ts, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      if (size > 0 && ts[size - 1] > t) {
        sorted = false;
      }
      ts[size] = t;
      values[size] = v;
      size++;
    }

    void finish() {
      if (sorted) {
        return;
      }
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> Long.compare(ts[a], ts[b]));
      long[] nt = new long[size];
      double[] nv = new double[size];
      for (int i = 0; i < size; i++) {
        nt[i] = ts[idx[i]];
        nv[i] = values[idx[i]];
      }
      ts = nt;
      values = nv;
      sorted = true;
    }

    /** Index of the first sample with a timestamp greater than {@code t}. */
    int firstAfter(long t) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ts[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private final Map<Labels, SampleSeries> series = new LinkedHashMap<>();

  void add(Labels labels, boolean errored, long t, double v) {
    series.computeIfAbsent(labels, l -> new SampleSeries(l, errored)).add(t, v);
  }

  List<SampleSeries> finish() {
    List<SampleSeries> out = new ArrayList<>(series.values());
    out.forEach(SampleSeries::finish);
    return out;
  }
}
