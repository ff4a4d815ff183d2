package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** {@code | logfmt [--strict] [--keep-empty] [label="key", ...]}. */
public record LogfmtParser(Span span, boolean strict, boolean keepEmpty, List<LabelExtraction> extractions) implements Stage {
  public LogfmtParser {
    Objects.requireNonNull(span, "span is null");
    extractions = List.copyOf(extractions);
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitLogfmtParser(this);
  }
}
