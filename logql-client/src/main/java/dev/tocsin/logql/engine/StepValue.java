package dev.tocsin.logql.engine;

import dev.tocsin.model.Labels;
import java.util.List;

/** The value of a metric expression at one step: a scalar or a vector of labelled samples. */
sealed interface StepValue {
  /** A number without labels (a literal). */
  record ScalarStep(double value) implements StepValue {}

  /** Samples in evaluation order. */
  record VectorStep(List<StepSample> samples) implements StepValue {
    public VectorStep {
      samples = List.copyOf(samples);
    }
  }

  /** One sample of a step vector. */
  record StepSample(Labels labels, double value) {}
}
