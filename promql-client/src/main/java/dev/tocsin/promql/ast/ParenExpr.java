package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** An expression in parentheses, kept so that printing preserves the author's grouping. */
public record ParenExpr(Span span, Expr expr) implements Expr {
  public ParenExpr {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(expr, "expr is null");
  }

  @Override
  public ValueType type() {
    return expr.type();
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitParen(this);
  }
}
