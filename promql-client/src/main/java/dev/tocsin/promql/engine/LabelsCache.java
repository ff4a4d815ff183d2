package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;
import java.util.IdentityHashMap;
import java.util.function.UnaryOperator;

/**
 * Remembers a label transformation (grouping, matching signature, name removal) per input label
 * set for the length of one query, so that a range query computes it once per series rather than
 * once per step. Keyed by identity, as the same stored series yields the same {@code Labels}
 * instance at every step; bounded so that computed label sets cannot make it grow without limit.
 */
final class LabelsCache {
  private static final int LIMIT = 200_000;
  private final IdentityHashMap<Labels, Labels> map = new IdentityHashMap<>();
  private final UnaryOperator<Labels> function;

  LabelsCache(UnaryOperator<Labels> function) {
    this.function = function;
  }

  Labels apply(Labels in) {
    Labels out = map.get(in);
    if (out == null) {
      out = function.apply(in);
      if (map.size() < LIMIT) {
        map.put(in, out);
      }
    }
    return out;
  }
}
