package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code label_replace(v, "dst", "replacement", "src", "regex")}, the regex checked when parsed. */
public record LabelReplace(
    Span span, SampleExpr inner, String destination, String replacement, String source, String regex)
    implements SampleExpr {
  public LabelReplace {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(inner, "inner is null");
    Objects.requireNonNull(destination, "destination is null");
    Objects.requireNonNull(replacement, "replacement is null");
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(regex, "regex is null");
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitLabelReplace(this);
  }
}
