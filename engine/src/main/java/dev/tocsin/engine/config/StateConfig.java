package dev.tocsin.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code state:} section: where alert state is kept across restarts ({@code null}: not kept)
 * and the longest outage after which it is still restored (default 1h).
 */
public record StateConfig(Path directory, Duration outageTolerance) {
  /** Default outage tolerance, as Prometheus' {@code --rules.alert.for-outage-tolerance}. */
  public static final Duration DEFAULT_OUTAGE_TOLERANCE = Duration.ofHours(1);

  public StateConfig {
    Objects.requireNonNull(outageTolerance, "outageTolerance is null");
  }
}
