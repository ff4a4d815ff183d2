package dev.tocsin.promql.engine;

import java.util.List;

/**
 * A range vector at one step, with its window {@code (rangeStart, rangeEnd]} in milliseconds,
 * which rate-like functions need for extrapolation.
 */
record RangeVector(List<RangeSeries> series, long rangeStart, long rangeEnd) implements EvalValue {
  double rangeSeconds() {
    return (rangeEnd - rangeStart) / 1000.0;
  }
}
