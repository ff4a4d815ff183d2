package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/**
 * A binary operation.
 *
 * @param returnBool whether the {@code bool} modifier was given
 * @param matching the vector matching, or {@code null} when a side is a scalar (as in Prometheus)
 */
public record BinaryExpr(
    Span span, BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching)
    implements Expr {
  public BinaryExpr {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(lhs, "lhs is null");
    Objects.requireNonNull(rhs, "rhs is null");
  }

  /** Scalar when both sides are scalars, else an instant vector (as in Prometheus). */
  @Override
  public ValueType type() {
    // Iterative over the left spine, where long operator chains nest.
    Expr e = this;
    while (e instanceof BinaryExpr b) {
      if (b.rhs().type() != ValueType.SCALAR) {
        return ValueType.VECTOR;
      }
      e = b.lhs();
    }
    return e.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitBinary(this);
  }
}
