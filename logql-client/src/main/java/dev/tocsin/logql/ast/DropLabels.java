package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** {@code | drop name, name="value"}. */
public record DropLabels(Span span, List<LabelSelection> labels) implements Stage {
  public DropLabels {
    Objects.requireNonNull(span, "span is null");
    labels = List.copyOf(labels);
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitDropLabels(this);
  }
}
