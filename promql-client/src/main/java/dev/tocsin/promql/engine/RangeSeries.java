package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;

/** One series of a range vector: the points of a window, in primitive arrays. */
record RangeSeries(Labels metric, long[] timestamps, double[] values, boolean dropName) {
  int size() {
    return timestamps.length;
  }
}
