package dev.tocsin.promql.value;

import java.util.List;

/** The result of a LogQL log query: streams of log lines. Rules never produce it; queries can. */
public record Streams(List<LogStream> streams) implements QueryResult {
  public Streams {
    streams = List.copyOf(streams);
  }
}
