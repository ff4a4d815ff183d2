package dev.tocsin.logql.parser;

import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.LabelReplace;
import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.LogqlVisitor;
import dev.tocsin.logql.ast.RangeAggregation;
import dev.tocsin.logql.ast.StreamSelector;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorExpr;
import dev.tocsin.model.LabelMatcher;

/**
 * Loki's post-parse check that every stream selector has a matcher that cannot match the empty
 * string, so that no query reads every stream. Loki checks only the first selector under
 * {@code label_replace} and binary operations' left legs in some versions; this checks them all.
 */
final class SelectorValidator implements LogqlVisitor<Void> {
  static final String EMPTY_COMPATIBLE =
      "queries require at least one regexp or equality matcher that does not have an"
          + " empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but"
          + " app=~\".+\" will";

  private SelectorValidator() {}

  static void validate(LogqlExpr expr) {
    expr.accept(new SelectorValidator());
  }

  private static void check(StreamSelector selector) {
    for (LabelMatcher m : selector.matchers()) {
      if (!m.matchesEmpty()) {
        return;
      }
    }
    throw new ParseFailure(selector.span(), EMPTY_COMPATIBLE);
  }

  @Override
  public Void visitLogQuery(LogQuery node) {
    check(node.selector());
    return null;
  }

  @Override
  public Void visitRangeAggregation(RangeAggregation node) {
    return node.range().query().accept(this);
  }

  @Override
  public Void visitVectorAggregation(VectorAggregation node) {
    return node.inner().accept(this);
  }

  @Override
  public Void visitBinary(BinaryExpr node) {
    node.lhs().accept(this);
    return node.rhs().accept(this);
  }

  @Override
  public Void visitLiteral(LiteralExpr node) {
    return null;
  }

  @Override
  public Void visitVector(VectorExpr node) {
    return null;
  }

  @Override
  public Void visitLabelReplace(LabelReplace node) {
    return node.inner().accept(this);
  }
}
