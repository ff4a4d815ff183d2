package dev.tocsin.promql.promqltest;

import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.AtModifier;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prometheus' test-script consistency check for the {@code @} modifier: pins every selector and
 * subquery without an {@code @} to the evaluation time (leaving what is inside a pinned subquery
 * alone), so the expression must give the same result at any evaluation time. Expressions with
 * functions whose result depends on the evaluation time itself are not rewritten.
 */
final class AtModifierRewriter implements ExprVisitor<Expr> {
  /** Prometheus' AtModifierUnsafeFunctions. */
  private static final Set<String> UNSAFE =
      Set.of(
          "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year",
          "predict_linear", "time", "timestamp", "start", "end", "range", "step");

  private final AtModifier at;
  private boolean unsafe;

  private AtModifierRewriter(long timestampMillis) {
    this.at = AtModifier.at(timestampMillis);
  }

  /** The rewritten expression, or null when it uses a function that depends on evaluation time. */
  static Expr rewrite(Expr expr, long timestampMillis) {
    AtModifierRewriter r = new AtModifierRewriter(timestampMillis);
    Expr out = expr.accept(r);
    return r.unsafe ? null : out;
  }

  @Override
  public Expr visitNumberLiteral(NumberLiteral e) {
    return e;
  }

  @Override
  public Expr visitStringLiteral(StringLiteral e) {
    return e;
  }

  @Override
  public Expr visitVectorSelector(VectorSelector e) {
    return e.at() == null ? e.withAt(at) : e;
  }

  @Override
  public Expr visitMatrixSelector(MatrixSelector e) {
    VectorSelector vs = e.selector();
    return vs.at() == null ? new MatrixSelector(e.span(), vs.withAt(at), e.range()) : e;
  }

  @Override
  public Expr visitSubquery(SubqueryExpr e) {
    if (e.at() != null) {
      // Inside a pinned subquery, nothing more is pinned; only unsafe functions are looked for.
      markUnsafe(e.expr());
      return e;
    }
    markUnsafe(e.expr());
    return new SubqueryExpr(e.span(), e.expr(), e.range(), e.step(), e.offset(), at);
  }

  private void markUnsafe(Expr e) {
    CallFinder.forEach(e, c -> unsafe |= UNSAFE.contains(c.function().name()));
  }

  @Override
  public Expr visitCall(Call e) {
    unsafe |= UNSAFE.contains(e.function().name());
    List<Expr> args = new ArrayList<>(e.args().size());
    for (Expr a : e.args()) {
      args.add(a.accept(this));
    }
    return new Call(e.span(), e.function(), args);
  }

  @Override
  public Expr visitAggregate(AggregateExpr e) {
    Expr param = e.param() == null ? null : e.param().accept(this);
    return new AggregateExpr(e.span(), e.op(), e.expr().accept(this), param, e.grouping(), e.without());
  }

  @Override
  public Expr visitBinary(BinaryExpr e) {
    return new BinaryExpr(e.span(), e.op(), e.lhs().accept(this), e.rhs().accept(this), e.returnBool(), e.matching());
  }

  @Override
  public Expr visitUnary(UnaryExpr e) {
    return new UnaryExpr(e.span(), e.op(), e.expr().accept(this));
  }

  @Override
  public Expr visitParen(ParenExpr e) {
    return new ParenExpr(e.span(), e.expr().accept(this));
  }
}
