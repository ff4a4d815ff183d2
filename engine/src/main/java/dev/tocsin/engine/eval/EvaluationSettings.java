package dev.tocsin.engine.eval;

import dev.tocsin.model.Labels;
import java.time.Duration;
import java.util.Objects;

/**
 * What a group's evaluation needs besides its rules: the effective interval and query offset
 * (group value or the global default), the resend delay, external labels and URL, and the base URL
 * that PromQL generator links point to.
 */
public record EvaluationSettings(
    Duration interval,
    Duration queryOffset,
    Duration resendDelay,
    Labels externalLabels,
    String externalUrl,
    String promqlLinkBase,
    String grafanaUrl) {

  /** Settings whose LogQL generator links point to Tocsin's own page. */
  public EvaluationSettings(Duration interval, Duration queryOffset, Duration resendDelay, Labels externalLabels,
      String externalUrl, String promqlLinkBase) {
    this(interval, queryOffset, resendDelay, externalLabels, externalUrl, promqlLinkBase, null);
  }

  public EvaluationSettings {
    Objects.requireNonNull(interval, "interval is null");
    Objects.requireNonNull(queryOffset, "queryOffset is null");
    Objects.requireNonNull(resendDelay, "resendDelay is null");
    Objects.requireNonNull(externalLabels, "externalLabels is null");
    Objects.requireNonNull(externalUrl, "externalUrl is null");
    Objects.requireNonNull(promqlLinkBase, "promqlLinkBase is null");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }
}
