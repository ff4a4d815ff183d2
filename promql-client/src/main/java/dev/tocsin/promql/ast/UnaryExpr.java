package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** A unary plus or minus on a non-literal; on a number literal the sign is folded into it. */
public record UnaryExpr(Span span, UnaryOp op, Expr expr) implements Expr {
  public UnaryExpr {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(expr, "expr is null");
  }

  @Override
  public ValueType type() {
    return expr.type();
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitUnary(this);
  }
}
