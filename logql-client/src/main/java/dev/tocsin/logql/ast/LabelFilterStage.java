package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code | <label filter>}. */
public record LabelFilterStage(Span span, LabelFilter filter) implements Stage {
  public LabelFilterStage {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(filter, "filter is null");
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitLabelFilter(this);
  }
}
