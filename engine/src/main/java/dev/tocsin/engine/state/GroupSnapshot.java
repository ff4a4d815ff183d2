package dev.tocsin.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The alert state of one rule group right after an evaluation: the group's identity (rule file
 * path and group name), the evaluation timestamp, and the alerts of each alerting rule that has
 * any. What {@link StateStore} writes after an evaluation and restores at start, and what a
 * reloaded group inherits from its predecessor.
 */
public record GroupSnapshot(String file, String group, Instant evaluatedAt, List<RuleSnapshot> rules) {
  public GroupSnapshot {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(group, "group is null");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt is null");
    rules = List.copyOf(rules);
  }

  /** How many alerts the snapshot holds over all its rules. */
  public int alertCount() {
    return rules.stream().mapToInt(r -> r.alerts().size()).sum();
  }

  /** Whether any alert is pending: pending progress depends on the exact evaluation time. */
  public boolean hasPendingAlerts() {
    return rules.stream().flatMap(r -> r.alerts().stream()).anyMatch(a -> a.status() == AlertStatus.PENDING);
  }

  /**
   * Whether both describe the same group with the same alerts in the same states, ignoring the
   * evaluation time and each alert's value and annotations, which change on most evaluations but
   * are recomputed by the first evaluation after a restore anyway.
   */
  public boolean sameStateAs(GroupSnapshot o) {
    if (!file.equals(o.file) || !group.equals(o.group) || rules.size() != o.rules.size()) {
      return false;
    }
    for (int i = 0; i < rules.size(); i++) {
      if (!rules.get(i).sameStateAs(o.rules.get(i))) {
        return false;
      }
    }
    return true;
  }
}
