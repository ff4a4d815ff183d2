package dev.tocsin.logql.ast;

import dev.tocsin.model.LabelMatcher;
import java.util.Objects;
import java.util.Optional;

/** A label named in {@code drop} or {@code keep}: by name alone, or with a matcher on its value. */
public record LabelSelection(String name, Optional<LabelMatcher> matcher) {
  public LabelSelection {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(matcher, "matcher is null");
  }
}
