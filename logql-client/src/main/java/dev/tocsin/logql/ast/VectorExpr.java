package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code vector(n)}: one sample without labels. */
public record VectorExpr(Span span, double value) implements SampleExpr {
  public VectorExpr {
    Objects.requireNonNull(span, "span is null");
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitVector(this);
  }
}
