package dev.tocsin.promql.ast;

import java.util.Objects;

/**
 * The {@code @} modifier of a selector or subquery: a fixed timestamp (held in milliseconds, as
 * Prometheus rounds it) or the start or end of the query range.
 */
public record AtModifier(Kind kind, long timestampMillis) {
  /** What the modifier pins evaluation to. */
  public enum Kind {
    TIMESTAMP,
    START,
    END
  }

  /** {@code @ start()}. */
  public static final AtModifier START = new AtModifier(Kind.START, 0);

  /** {@code @ end()}. */
  public static final AtModifier END = new AtModifier(Kind.END, 0);

  public AtModifier {
    Objects.requireNonNull(kind, "kind is null");
    if (kind != Kind.TIMESTAMP && timestampMillis != 0) {
      throw new IllegalArgumentException("start() and end() carry no timestamp");
    }
  }

  /** {@code @ <seconds>}, given in milliseconds. */
  public static AtModifier at(long timestampMillis) {
    return new AtModifier(Kind.TIMESTAMP, timestampMillis);
  }
}
