package dev.tocsin.logql.ast;

/**
 * A whole-tree operation over LogQL expressions, one method per node type and no defaults, so that
 * a new node type breaks compilation wherever it must be handled.
 */
public interface LogqlVisitor<R> {
  R visitLogQuery(LogQuery node);

  R visitRangeAggregation(RangeAggregation node);

  R visitVectorAggregation(VectorAggregation node);

  R visitBinary(BinaryExpr node);

  R visitLiteral(LiteralExpr node);

  R visitVector(VectorExpr node);

  R visitLabelReplace(LabelReplace node);
}
