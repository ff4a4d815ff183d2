package dev.tocsin.logql.ast;

import java.util.List;
import java.util.Objects;

/** The {@code on}/{@code ignoring} and {@code group_left}/{@code group_right} modifiers of a binary operation. */
public record VectorMatching(boolean on, List<String> labels, Cardinality cardinality, List<String> include) {
  public VectorMatching {
    labels = List.copyOf(labels);
    Objects.requireNonNull(cardinality, "cardinality is null");
    include = List.copyOf(include);
  }

  /** Which side of a binary operation may have several series per match group. */
  public enum Cardinality {
    ONE_TO_ONE,
    /** {@code group_left}. */
    MANY_TO_ONE,
    /** {@code group_right}. */
    ONE_TO_MANY
  }
}
