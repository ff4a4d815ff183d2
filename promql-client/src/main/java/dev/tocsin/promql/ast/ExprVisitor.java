package dev.tocsin.promql.ast;

/**
 * A whole-tree operation over {@link Expr}; it has one method per node type and no defaults, so a
 * new node type breaks every visitor until it is handled.
 */
public interface ExprVisitor<R> {
  R visitNumberLiteral(NumberLiteral e);

  R visitStringLiteral(StringLiteral e);

  R visitVectorSelector(VectorSelector e);

  R visitMatrixSelector(MatrixSelector e);

  R visitSubquery(SubqueryExpr e);

  R visitCall(Call e);

  R visitAggregate(AggregateExpr e);

  R visitBinary(BinaryExpr e);

  R visitUnary(UnaryExpr e);

  R visitParen(ParenExpr e);
}
