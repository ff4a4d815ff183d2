package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** {@code | keep name, name="value"}. */
public record KeepLabels(Span span, List<LabelSelection> labels) implements Stage {
  public KeepLabels {
    Objects.requireNonNull(span, "span is null");
    labels = List.copyOf(labels);
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitKeepLabels(this);
  }
}
