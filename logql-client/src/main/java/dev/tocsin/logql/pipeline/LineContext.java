package dev.tocsin.logql.pipeline;

import dev.tocsin.model.Labels;

/** The log line a pipeline is working on: its current text, timestamp and labels; reused from line to line. */
public final class LineContext {
  private String line = "";
  private long timestampNanos;
  private final LabelState labels = new LabelState();

  /** Starts processing a new entry. */
  public void reset(long timestampNanos, String line, Labels stream, Labels metadata) {
    this.timestampNanos = timestampNanos;
    this.line = line;
    labels.reset(stream, metadata);
  }

  /** The line as the current stage sees it. */
  public String line() {
    return line;
  }

  /** Replaces the line ({@code line_format}, {@code unpack}, {@code decolorize}). */
  public void setLine(String line) {
    this.line = line;
  }

  /** The entry's timestamp in nanoseconds. */
  public long timestampNanos() {
    return timestampNanos;
  }

  /** The line's labels. */
  public LabelState labels() {
    return labels;
  }
}
