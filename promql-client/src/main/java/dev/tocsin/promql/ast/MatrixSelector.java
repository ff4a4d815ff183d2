package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.Objects;

/**
 * A range vector selector {@code sel[range]}; as in Prometheus, an offset or {@code @} written
 * after the range is stored on the inner selector.
 */
public record MatrixSelector(Span span, VectorSelector selector, Duration range) implements Expr {
  public MatrixSelector {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(selector, "selector is null");
    Objects.requireNonNull(range, "range is null");
  }

  @Override
  public ValueType type() {
    return ValueType.MATRIX;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitMatrixSelector(this);
  }
}
