package dev.tocsin.promql.engine;

import java.util.List;

/** An instant vector at one step. */
record InstantVector(List<EvalSample> samples) implements EvalValue {
  static final InstantVector EMPTY = new InstantVector(List.of());
}
