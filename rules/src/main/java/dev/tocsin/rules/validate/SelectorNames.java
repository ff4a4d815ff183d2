package dev.tocsin.rules.validate;

import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ExprVisitor;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.NumberLiteral;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.VectorSelector;

/** Whether every selector of a PromQL expression is written without a metric name, as LogQL's are. */
final class SelectorNames implements ExprVisitor<Boolean> {
  private static final SelectorNames INSTANCE = new SelectorNames();

  private SelectorNames() {}

  static boolean allSelectorsUnnamed(Expr e) {
    return e.accept(INSTANCE);
  }

  @Override
  public Boolean visitNumberLiteral(NumberLiteral e) {
    return true;
  }

  @Override
  public Boolean visitStringLiteral(StringLiteral e) {
    return true;
  }

  @Override
  public Boolean visitVectorSelector(VectorSelector e) {
    return e.name().isEmpty();
  }

  @Override
  public Boolean visitMatrixSelector(MatrixSelector e) {
    return e.selector().accept(this);
  }

  @Override
  public Boolean visitSubquery(SubqueryExpr e) {
    return e.expr().accept(this);
  }

  @Override
  public Boolean visitCall(Call e) {
    return e.args().stream().allMatch(a -> a.accept(this));
  }

  @Override
  public Boolean visitAggregate(AggregateExpr e) {
    return e.expr().accept(this) && (e.param() == null || e.param().accept(this));
  }

  @Override
  public Boolean visitBinary(BinaryExpr e) {
    return e.lhs().accept(this) && e.rhs().accept(this);
  }

  @Override
  public Boolean visitUnary(UnaryExpr e) {
    return e.expr().accept(this);
  }

  @Override
  public Boolean visitParen(ParenExpr e) {
    return e.expr().accept(this);
  }
}
