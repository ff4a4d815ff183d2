package dev.tocsin.engine.daemon;

import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.rules.model.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One rule as the API shows it after its group's last evaluation: health, last error (or
 * {@code null}), when it ran and for how long, and for alerting rules its active alerts and state.
 */
public record RuleStatus(
    Rule rule, RuleHealth health, String lastError, Instant lastEvaluation, Duration evaluationTime,
    List<Alert> alerts, AlertStatus state) {
  public RuleStatus {
    alerts = List.copyOf(alerts);
  }

  /** A rule that has not been evaluated yet. */
  static RuleStatus unevaluated(Rule rule) {
    return new RuleStatus(rule, RuleHealth.UNKNOWN, null, null, Duration.ZERO, List.of(), AlertStatus.INACTIVE);
  }
}
