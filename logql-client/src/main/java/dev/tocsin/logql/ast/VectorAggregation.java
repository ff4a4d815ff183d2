package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A vector aggregation, {@code sum by (app) (...)} or {@code topk(5, ...)}. */
public record VectorAggregation(
    Span span, VectorOp op, OptionalInt parameter, SampleExpr inner, Optional<Grouping> grouping)
    implements SampleExpr {
  public VectorAggregation {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(parameter, "parameter is null");
    Objects.requireNonNull(inner, "inner is null");
    Objects.requireNonNull(grouping, "grouping is null");
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitVectorAggregation(this);
  }
}
