package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code | pattern "<a> - <_>"}, the pattern checked when parsed. */
public record PatternParser(Span span, String pattern) implements Stage {
  public PatternParser {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(pattern, "pattern is null");
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitPatternParser(this);
  }
}
