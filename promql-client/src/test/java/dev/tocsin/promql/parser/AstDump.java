package dev.tocsin.promql.parser;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.PromDuration;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.AtModifier;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ExprVisitor;
import dev.tocsin.promql.ast.GoQuote;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.NumberLiteral;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.VectorSelector;
import java.time.Duration;

/**
 * An indented dump of every field of a tree except spans, so two dumps are equal exactly when the
 * trees are equal ignoring spans; the golden {@code *.ast.txt} files hold these dumps.
 */
final class AstDump implements ExprVisitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  static String dump(Expr e) {
    AstDump d = new AstDump();
    e.accept(d);
    return d.out.toString();
  }

  private void line(String s) {
    out.append("  ".repeat(depth)).append(s).append('\n');
  }

  private void child(Expr e) {
    depth++;
    e.accept(this);
    depth--;
  }

  private static String modifiers(Duration offset, AtModifier at) {
    StringBuilder sb = new StringBuilder();
    if (!offset.isZero()) {
      sb.append(" offset=").append(offset.isNegative() ? "-" + PromDuration.format(offset.negated()) : PromDuration.format(offset));
      if (offset.toNanos() % 1_000_000 != 0) {
        sb.append('(').append(offset.toNanos()).append("ns)");
      }
    }
    if (at != null) {
      sb.append(" at=").append(at.kind() == AtModifier.Kind.TIMESTAMP ? at.timestampMillis() + "ms" : at.kind().name().toLowerCase());
    }
    return sb.toString();
  }

  @Override
  public Void visitNumberLiteral(NumberLiteral e) {
    line("Number " + e.value() + (e.duration() ? " (duration)" : ""));
    return null;
  }

  @Override
  public Void visitStringLiteral(StringLiteral e) {
    line("String " + GoQuote.quote(e.value()));
    return null;
  }

  @Override
  public Void visitVectorSelector(VectorSelector e) {
    StringBuilder sb = new StringBuilder("VectorSelector name=").append(GoQuote.quote(e.name()));
    for (LabelMatcher m : e.matchers()) {
      sb.append(' ').append(m);
    }
    line(sb + modifiers(e.offset(), e.at()));
    return null;
  }

  @Override
  public Void visitMatrixSelector(MatrixSelector e) {
    line("MatrixSelector range=" + PromDuration.format(e.range()) + nanos(e.range()));
    child(e.selector());
    return null;
  }

  private static String nanos(Duration d) {
    return d.toNanos() % 1_000_000 != 0 ? "(" + d.toNanos() + "ns)" : "";
  }

  @Override
  public Void visitSubquery(SubqueryExpr e) {
    line("Subquery range=" + PromDuration.format(e.range()) + nanos(e.range()) + " step=" + PromDuration.format(e.step())
        + nanos(e.step()) + modifiers(e.offset(), e.at()));
    child(e.expr());
    return null;
  }

  @Override
  public Void visitCall(Call e) {
    line("Call " + e.function().name() + " -> " + e.type());
    e.args().forEach(this::child);
    return null;
  }

  @Override
  public Void visitAggregate(AggregateExpr e) {
    line("Aggregate " + e.op() + (e.without() ? " without " : " by ") + e.grouping());
    if (e.param() != null) {
      child(e.param());
    }
    child(e.expr());
    return null;
  }

  @Override
  public Void visitBinary(BinaryExpr e) {
    StringBuilder sb = new StringBuilder("Binary ").append(e.op());
    if (e.returnBool()) {
      sb.append(" bool");
    }
    if (e.matching() != null) {
      var m = e.matching();
      sb.append(" card=").append(m.card()).append(m.on() ? " on=" : " ignoring=").append(m.matchingLabels());
      if (!m.include().isEmpty()) {
        sb.append(" include=").append(m.include());
      }
    }
    line(sb + " -> " + e.type());
    child(e.lhs());
    child(e.rhs());
    return null;
  }

  @Override
  public Void visitUnary(UnaryExpr e) {
    line("Unary " + e.op());
    child(e.expr());
    return null;
  }

  @Override
  public Void visitParen(ParenExpr e) {
    line("Paren");
    child(e.expr());
    return null;
  }
}
