package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** {@code | label_format dst=src, dst2="template"}. */
public record LabelFormat(Span span, List<LabelFormatting> formattings) implements Stage {
  public LabelFormat {
    Objects.requireNonNull(span, "span is null");
    formattings = List.copyOf(formattings);
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitLabelFormat(this);
  }
}
