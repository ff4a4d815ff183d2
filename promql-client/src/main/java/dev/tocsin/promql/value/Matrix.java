package dev.tocsin.promql.value;

import java.util.List;

/** A range matrix: series with points over a time range. */
public record Matrix(List<Series> series) implements QueryResult {
  public Matrix {
    series = List.copyOf(series);
  }
}
