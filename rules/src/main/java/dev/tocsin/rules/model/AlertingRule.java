package dev.tocsin.rules.model;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;
import java.time.Duration;
import java.util.Objects;

/** An {@code alert:} rule; label and annotation values are Go templates. */
public record AlertingRule(
    String name,
    RuleQuery query,
    Duration holdDuration,
    Duration keepFiringFor,
    Labels labels,
    Labels annotations,
    Position position)
    implements Rule {
  public AlertingRule {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(query, "query is null");
    Objects.requireNonNull(holdDuration, "holdDuration is null");
    Objects.requireNonNull(keepFiringFor, "keepFiringFor is null");
    Objects.requireNonNull(labels, "labels is null");
    Objects.requireNonNull(annotations, "annotations is null");
  }
}
