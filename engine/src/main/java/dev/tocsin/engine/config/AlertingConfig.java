package dev.tocsin.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The {@code alerting:} section: the Alertmanagers to send to and the resend delay (default 1m). */
public record AlertingConfig(List<AlertmanagerConfig> alertmanagers, Duration resendDelay) {
  /** Prometheus' default {@code --rules.alert.resend-delay}. */
  public static final Duration DEFAULT_RESEND_DELAY = Duration.ofMinutes(1);

  public AlertingConfig {
    alertmanagers = List.copyOf(alertmanagers);
    Objects.requireNonNull(resendDelay, "resendDelay is null");
  }
}
