package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** A string literal, holding its unquoted value. */
public record StringLiteral(Span span, String value) implements Expr {
  public StringLiteral {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(value, "value is null");
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitStringLiteral(this);
  }
}
