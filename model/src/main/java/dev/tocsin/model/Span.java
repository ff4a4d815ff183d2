package dev.tocsin.model;

/** A half-open range {@code [start, end)} of character offsets into an expression's text. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The smallest span covering both. */
  public Span union(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }
}
