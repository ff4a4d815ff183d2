package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** A number, evaluated as a scalar. */
public record LiteralExpr(Span span, double value) implements SampleExpr {
  public LiteralExpr {
    Objects.requireNonNull(span, "span is null");
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitLiteral(this);
  }
}
