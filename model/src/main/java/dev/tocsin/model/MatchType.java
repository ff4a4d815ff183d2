package dev.tocsin.model;

/** The four label-matching operators shared by PromQL and LogQL. */
public enum MatchType {
  EQUAL("="),
  NOT_EQUAL("!="),
  REGEX("=~"),
  NOT_REGEX("!~");

  private final String symbol;

  MatchType(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in a query. */
  public String symbol() {
    return symbol;
  }

  /** The operator for a symbol, or {@code null}. */
  public static MatchType ofSymbol(String s) {
    for (MatchType t : values()) {
      if (t.symbol.equals(s)) {
        return t;
      }
    }
    return null;
  }
}
