package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/**
 * An aggregation such as {@code sum by (job) (x)} or {@code topk(3, x)}.
 *
 * @param param the parameter of {@code topk}, {@code quantile}, {@code count_values}, …, or
 *     {@code null}
 * @param grouping the labels of the {@code by} or {@code without} clause (empty when absent)
 */
public record AggregateExpr(
    Span span, AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without)
    implements Expr {
  public AggregateExpr {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(expr, "expr is null");
    grouping = List.copyOf(grouping);
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitAggregate(this);
  }
}
