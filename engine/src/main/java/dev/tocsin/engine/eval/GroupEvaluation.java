package dev.tocsin.engine.eval;

import java.time.Instant;
import java.util.List;

/** The result of evaluating one group at one timestamp. */
public record GroupEvaluation(Instant timestamp, List<RuleOutcome> rules, List<AlertNotification> notifications) {
  public GroupEvaluation {
    rules = List.copyOf(rules);
    notifications = List.copyOf(notifications);
  }
}
