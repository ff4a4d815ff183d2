package dev.tocsin.engine.state;

import dev.tocsin.model.Labels;
import java.util.List;
import java.util.Objects;

/**
 * The alerts of one alerting rule in a {@link GroupSnapshot}. A rule is identified by its name,
 * its occurrence among the group's rules of that name (0 for the first, so duplicated names still
 * map) and its own label templates, which tell reordered duplicates apart.
 */
public record RuleSnapshot(String name, int occurrence, Labels ruleLabels, List<Alert> alerts) {
  public RuleSnapshot {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(ruleLabels, "ruleLabels is null");
    if (occurrence < 0) {
      throw new IllegalArgumentException("occurrence must not be negative");
    }
    alerts = List.copyOf(alerts);
  }

  /** Whether both hold the same alerts in the same states, ignoring values and annotations. */
  boolean sameStateAs(RuleSnapshot o) {
    if (!name.equals(o.name) || occurrence != o.occurrence || !ruleLabels.equals(o.ruleLabels)
        || alerts.size() != o.alerts.size()) {
      return false;
    }
    for (int i = 0; i < alerts.size(); i++) {
      if (!alerts.get(i).sameStateAs(o.alerts.get(i))) {
        return false;
      }
    }
    return true;
  }
}
