package dev.tocsin.engine.config;

import dev.tocsin.model.Labels;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code global:} section: evaluation interval (default 1m, as in Prometheus), rule query
 * offset (default 0), external labels, the URL Tocsin is reached at (default
 * {@code http://<hostname>:9097}), and how many group evaluations may run at once.
 */
public record GlobalConfig(
    Duration evaluationInterval, Duration ruleQueryOffset, Labels externalLabels, String externalUrl,
    int evaluationWorkers) {

  /** Prometheus' default evaluation interval. */
  public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofMinutes(1);

  /** Default size of the evaluation worker pool. */
  public static final int DEFAULT_EVALUATION_WORKERS = 4;

  public GlobalConfig {
    Objects.requireNonNull(evaluationInterval, "evaluationInterval is null");
    Objects.requireNonNull(ruleQueryOffset, "ruleQueryOffset is null");
    Objects.requireNonNull(externalLabels, "externalLabels is null");
    if (evaluationWorkers <= 0) {
      throw new IllegalArgumentException("evaluationWorkers must be positive");
    }
  }
}
