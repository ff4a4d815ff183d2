package dev.tocsin.logql.ast;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/** A stream selector, {@code {app="x", env=~"prod|dev"}}; it may be empty only before validation. */
public record StreamSelector(Span span, List<LabelMatcher> matchers) {
  public StreamSelector {
    Objects.requireNonNull(span, "span is null");
    matchers = List.copyOf(matchers);
  }
}
