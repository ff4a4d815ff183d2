package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;

/** A node of a parsed PromQL expression; every node knows where it came from in the text. */
public sealed interface Expr
    permits NumberLiteral,
        StringLiteral,
        VectorSelector,
        MatrixSelector,
        SubqueryExpr,
        Call,
        AggregateExpr,
        BinaryExpr,
        UnaryExpr,
        ParenExpr {

  /** The node's position in the expression text. */
  Span span();

  /** The type of value the node evaluates to. */
  ValueType type();

  /** Dispatches to the visitor method for this node type. */
  <R> R accept(ExprVisitor<R> visitor);

  /** The expression in PromQL syntax, as {@link PromqlPrinter} prints it. */
  default String toPromql() {
    return PromqlPrinter.print(this);
  }
}
