package dev.tocsin.engine.daemon;

import dev.tocsin.rules.model.RuleGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rule group as the API shows it: identity, the rules, the effective interval, and when its last
 * evaluation started (wall clock; {@code null} before the first) and how long it took.
 */
public record GroupStatus(
    GroupKey key, RuleGroup group, Duration interval, Instant lastEvaluation, Duration evaluationTime,
    List<RuleStatus> rules) {
  public GroupStatus {
    rules = List.copyOf(rules);
  }

  /** Whether the group has been evaluated at least once. */
  public boolean evaluated() {
    return lastEvaluation != null;
  }
}
