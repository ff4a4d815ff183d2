package dev.tocsin.promql.ast;

/** The binary operators, with their PromQL spelling and precedence. */
public enum BinaryOp {
  OR("or", 1),
  AND("and", 2),
  UNLESS("unless", 2),
  EQL("==", 3),
  NEQ("!=", 3),
  LTE("<=", 3),
  LSS("<", 3),
  GTE(">=", 3),
  GTR(">", 3),
  ADD("+", 4),
  SUB("-", 4),
  MUL("*", 5),
  DIV("/", 5),
  MOD("%", 5),
  ATAN2("atan2", 5),
  POW("^", 6);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  /** The operator as written in PromQL. */
  public String symbol() {
    return symbol;
  }

  /** Binding strength; higher binds tighter. */
  public int precedence() {
    return precedence;
  }

  /** Whether the operator associates to the right ({@code ^} only). */
  public boolean rightAssociative() {
    return this == POW;
  }

  /** Whether the operator is a comparison ({@code == != < <= > >=}). */
  public boolean isComparison() {
    return precedence == 3;
  }

  /** Whether the operator is a set operator ({@code and or unless}). */
  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }
}
