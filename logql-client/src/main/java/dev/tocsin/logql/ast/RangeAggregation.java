package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** A range aggregation, {@code rate({app="x"}[5m])} or {@code quantile_over_time(0.9, ...) by (x)}. */
public record RangeAggregation(
    Span span, RangeOp op, OptionalDouble parameter, LogRange range, Optional<Grouping> grouping)
    implements SampleExpr {
  public RangeAggregation {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(parameter, "parameter is null");
    Objects.requireNonNull(range, "range is null");
    Objects.requireNonNull(grouping, "grouping is null");
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitRangeAggregation(this);
  }
}
