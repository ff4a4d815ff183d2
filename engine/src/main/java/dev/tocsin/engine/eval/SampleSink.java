package dev.tocsin.engine.eval;

import dev.tocsin.model.Labels;

/**
 * Where recording-rule results and {@code ALERTS}/{@code ALERTS_FOR_STATE} samples go: the
 * in-memory storage of tests and simulations (so later rules of the same evaluation read them), or
 * nowhere in a daemon without remote write.
 */
public interface SampleSink {
  /** A sink that drops everything. */
  SampleSink DISCARD = (labels, timestamp, value) -> {};

  /** Appends one sample at a timestamp in milliseconds. */
  void append(Labels labels, long timestamp, double value);
}
