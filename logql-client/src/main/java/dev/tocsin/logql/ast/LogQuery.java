package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** A stream selector and its pipeline, {@code {app="x"} |= "error" | json}. */
public record LogQuery(Span span, StreamSelector selector, List<Stage> stages) implements LogExpr {
  public LogQuery {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(selector, "selector is null");
    stages = List.copyOf(stages);
  }

  @Override
  public <R> R accept(LogqlVisitor<R> visitor) {
    return visitor.visitLogQuery(this);
  }
}
