package dev.tocsin.promql.value;

import dev.tocsin.model.Labels;
import java.util.List;
import java.util.Objects;

/** A log stream of a LogQL log-query result: its labels and entries in time order. */
public record LogStream(Labels labels, List<LogEntry> entries) {
  public LogStream {
    Objects.requireNonNull(labels, "labels is null");
    entries = List.copyOf(entries);
  }
}
