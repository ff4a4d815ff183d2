package dev.tocsin.engine.state;

import dev.tocsin.model.Labels;
import java.util.Objects;

/** One sample of an alerting rule's query result, turned into final alert labels and annotations. */
public record AlertCandidate(Labels labels, Labels annotations, double value) {
  public AlertCandidate {
    Objects.requireNonNull(labels, "labels is null");
    Objects.requireNonNull(annotations, "annotations is null");
  }
}
