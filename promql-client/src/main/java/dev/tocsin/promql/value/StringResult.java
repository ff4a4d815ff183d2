package dev.tocsin.promql.value;

import java.util.Objects;

/** A string result at a timestamp (milliseconds since the epoch). */
public record StringResult(long timestamp, String value) implements QueryResult {
  public StringResult {
    Objects.requireNonNull(value, "value is null");
  }
}
