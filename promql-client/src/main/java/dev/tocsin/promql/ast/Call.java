package dev.tocsin.promql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** A function call. */
public record Call(Span span, Function function, List<Expr> args) implements Expr {
  public Call {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(function, "function is null");
    args = List.copyOf(args);
  }

  @Override
  public ValueType type() {
    return function.returnType();
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitCall(this);
  }
}
