package dev.tocsin.engine.state;

import java.util.List;
import java.util.Map;

/**
 * What a group gets back from a {@link GroupSnapshot}: the alerts for each rule, by the rule's
 * index in the group, and a note for everything left out (the whole snapshot when the outage was
 * too long, or rules that no longer exist or are no longer alerting rules).
 */
public record RestorePlan(Map<Integer, List<Alert>> alertsByRule, List<String> notes) {
  public RestorePlan {
    alertsByRule = Map.copyOf(alertsByRule);
    notes = List.copyOf(notes);
  }

  /** How many alerts are restored over all rules. */
  public int alertCount() {
    return alertsByRule.values().stream().mapToInt(List::size).sum();
  }
}
