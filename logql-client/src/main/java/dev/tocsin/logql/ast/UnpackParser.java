package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code | unpack}: the JSON written by a {@code pack} stage. */
public record UnpackParser(Span span) implements Stage {
  public UnpackParser {
    Objects.requireNonNull(span, "span is null");
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitUnpackParser(this);
  }
}
