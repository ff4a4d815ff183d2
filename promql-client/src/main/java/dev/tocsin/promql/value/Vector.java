package dev.tocsin.promql.value;

import java.util.List;

/** An instant vector: at most one sample per label set, all at the evaluation timestamp. */
public record Vector(List<Sample> samples) implements QueryResult {
  /** The empty vector. */
  public static final Vector EMPTY = new Vector(List.of());

  public Vector {
    samples = List.copyOf(samples);
  }
}
