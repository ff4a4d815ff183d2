package dev.tocsin.promql.value;

import dev.tocsin.model.Labels;
import java.util.Objects;

/** One element of an instant vector: a series' labels and its value at a timestamp (ms). */
public record Sample(Labels metric, long timestamp, double value) {
  public Sample {
    Objects.requireNonNull(metric, "metric is null");
  }
}
