package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/**
 * A number literal; {@code duration} is set when it was written as a duration ({@code 5m}), which
 * Prometheus 3.x accepts wherever a number is expected and which the printer keeps.
 */
public record NumberLiteral(Span span, double value, boolean duration) implements Expr {
  public NumberLiteral {
    Objects.requireNonNull(span, "span is null");
  }

  /** A literal written as a plain number. */
  public NumberLiteral(Span span, double value) {
    this(span, value, false);
  }

  @Override
  public ValueType type() {
    return ValueType.SCALAR;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitNumberLiteral(this);
  }
}
