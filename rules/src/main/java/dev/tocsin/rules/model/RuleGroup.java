package dev.tocsin.rules.model;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A group of rules evaluated together at one interval. {@code interval} and {@code queryOffset}
 * are {@code null} when the file leaves them to the global configuration; {@code language} is the
 * group's {@code type:} or {@code null} when each rule's language is detected.
 */
public record RuleGroup(
    String name,
    Duration interval,
    int limit,
    Duration queryOffset,
    Labels labels,
    QueryLanguage language,
    List<Rule> rules,
    Position position) {
  public RuleGroup {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(labels, "labels is null");
    rules = List.copyOf(rules);
  }
}
