package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.Objects;

/** {@code | regexp "re"}, the regex checked for named captures when parsed. */
public record RegexpParser(Span span, String regex) implements Stage {
  public RegexpParser {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(regex, "regex is null");
  }

  @Override
  public <R> R accept(StageVisitor<R> visitor) {
    return visitor.visitRegexpParser(this);
  }
}
