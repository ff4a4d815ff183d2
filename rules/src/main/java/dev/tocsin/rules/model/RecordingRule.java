package dev.tocsin.rules.model;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;
import java.util.Objects;

/** A {@code record:} rule; its labels are literal. */
public record RecordingRule(String name, RuleQuery query, Labels labels, Position position) implements Rule {
  public RecordingRule {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(query, "query is null");
    Objects.requireNonNull(labels, "labels is null");
  }
}
