package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code | line_format "template"}. */
public record LineFormat(Span span, String template) implements Stage {
  public LineFormat {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(template, "template is null");
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitLineFormat(this);
  }
}
