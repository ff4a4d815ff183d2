package dev.tocsin.logql.ast;

/** The line filter operators. */
public enum LineFilterOp {
  CONTAINS("|="),
  NOT_CONTAINS("!="),
  MATCHES_REGEX("|~"),
  NOT_MATCHES_REGEX("!~"),
  MATCHES_PATTERN("|>"),
  NOT_MATCHES_PATTERN("!>");

  private final String symbol;

  LineFilterOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in a query. */
  public String symbol() {
    return symbol;
  }

  /** Whether the filter keeps lines that do not match. */
  public boolean negated() {
    return this == NOT_CONTAINS || this == NOT_MATCHES_REGEX || this == NOT_MATCHES_PATTERN;
  }
}
