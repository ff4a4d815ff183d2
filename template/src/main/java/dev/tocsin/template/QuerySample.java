package dev.tocsin.template;

import dev.tocsin.model.Labels;
import java.util.Objects;

/**
 * One sample of an instant-query result as the template {@code query} function sees it.
 *
 * @param labels the series labels
 * @param value the sample value
 */
public record QuerySample(Labels labels, double value) {
  public QuerySample {
    Objects.requireNonNull(labels, "labels is null");
  }
}
