package dev.tocsin.logql.ast;

/** The binary operators, from arithmetic to the set operators. */
public enum BinaryOp {
  ADD("+"),
  SUB("-"),
  MUL("*"),
  DIV("/"),
  MOD("%"),
  POW("^"),
  EQL("=="),
  NEQ("!="),
  GTR(">"),
  GTE(">="),
  LSS("<"),
  LTE("<="),
  AND("and"),
  OR("or"),
  UNLESS("unless");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in a query. */
  public String symbol() {
    return symbol;
  }

  /** Whether this is {@code and}, {@code or} or {@code unless}. */
  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }

  /** Whether this is a comparison ({@code ==}, {@code >}, ...). */
  public boolean isComparison() {
    return switch (this) {
      case EQL, NEQ, GTR, GTE, LSS, LTE -> true;
      default -> false;
    };
  }
}
