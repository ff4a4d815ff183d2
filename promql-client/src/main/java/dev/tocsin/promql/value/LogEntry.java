package dev.tocsin.promql.value;

import dev.tocsin.model.Labels;
import java.util.Objects;

/** One log line with its timestamp in nanoseconds, as Loki stores it, and its structured metadata. */
public record LogEntry(long timestampNanos, String line, Labels structuredMetadata) {
  public LogEntry {
    Objects.requireNonNull(line, "line is null");
    Objects.requireNonNull(structuredMetadata, "structuredMetadata is null");
  }
}
