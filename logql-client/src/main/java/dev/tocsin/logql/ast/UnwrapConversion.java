package dev.tocsin.logql.ast;

/** How an unwrapped label value becomes a number. */
public enum UnwrapConversion {
  /** A plain float. */
  NONE(""),
  /** A byte size such as {@code 5 MB}. */
  BYTES("bytes"),
  /** A Go duration, in seconds. */
  DURATION("duration"),
  /** A Go duration, in seconds (an alias of {@link #DURATION}). */
  DURATION_SECONDS("duration_seconds");

  private final String symbol;

  UnwrapConversion(String symbol) {
    this.symbol = symbol;
  }

  /** The conversion function name, empty for {@link #NONE}. */
  public String symbol() {
    return symbol;
  }
}
