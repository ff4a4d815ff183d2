package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** {@code | json} or {@code | json label="path", ...}. */
public record JsonParser(Span span, List<LabelExtraction> extractions) implements Stage {
  public JsonParser {
    Objects.requireNonNull(span, "span is null");
    extractions = List.copyOf(extractions);
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitJsonParser(this);
  }
}
