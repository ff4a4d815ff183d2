package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code | decolorize}: strips ANSI colour codes from the line. */
public record Decolorize(Span span) implements Stage {
  public Decolorize {
    Objects.requireNonNull(span, "span is null");
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitDecolorize(this);
  }
}
