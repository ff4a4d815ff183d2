package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;
import java.util.Optional;

/** A binary operation between two metric expressions; two literals are folded by the parser as in Loki. */
public record BinaryExpr(
    Span span, BinaryOp op, SampleExpr lhs, SampleExpr rhs, boolean returnBool, Optional<VectorMatching> matching)
    implements SampleExpr {
  public BinaryExpr {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(lhs, "lhs is null");
    Objects.requireNonNull(rhs, "rhs is null");
    Objects.requireNonNull(matching, "matching is null");
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitBinary(this);
  }
}
