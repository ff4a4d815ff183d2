package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.Objects;

/**
 * A subquery {@code expr[range:step]}.
 *
 * @param step the resolution, {@link Duration#ZERO} when omitted ({@code [5m:]})
 * @param offset the offset modifier, {@link Duration#ZERO} when absent
 * @param at the {@code @} modifier, or {@code null}
 */
public record SubqueryExpr(
    Span span, Expr expr, Duration range, Duration step, Duration offset, AtModifier at)
    implements Expr {
  public SubqueryExpr {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(expr, "expr is null");
    Objects.requireNonNull(range, "range is null");
    Objects.requireNonNull(step, "step is null");
    Objects.requireNonNull(offset, "offset is null");
  }

  @Override
  public ValueType type() {
    return ValueType.MATRIX;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitSubquery(this);
  }
}
