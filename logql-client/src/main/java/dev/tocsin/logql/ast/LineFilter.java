package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** A line filter, {@code |= "a" or "b"}: a line matches when any operand matches (for a negated operator, when none does). */
public record LineFilter(Span span, LineFilterOp op, List<LineFilterOperand> operands) implements Stage {
  public LineFilter {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    operands = List.copyOf(operands);
    if (operands.isEmpty()) {
      throw new IllegalArgumentException("no operands");
    }
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitLineFilter(this);
  }
}
