package dev.tocsin.promql.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded PromQL engine, mirroring Prometheus' engine options.
 *
 * @param lookbackDelta how far back an instant selector looks for a sample (Prometheus: 5m)
 * @param evaluationInterval the step of a subquery written without one ({@code x[5m:]}), the
 *     rule group's or global evaluation interval in Prometheus
 * @param experimentalFunctions accept experimental functions and aggregations
 * @param delayedNameRemoval keep {@code __name__} until the end of the evaluation and drop it only
 *     where Prometheus' {@code --enable-feature=promql-delayed-name-removal} does
 * @param maxSamples the most samples a query may hold in memory at once
 * @param timeout the longest a query may run
 */
public record EngineOptions(
    Duration lookbackDelta,
    Duration evaluationInterval,
    boolean experimentalFunctions,
    boolean delayedNameRemoval,
    long maxSamples,
    Duration timeout) {
  /** Prometheus' defaults, with a one-minute evaluation interval and 50 million samples. */
  public static final EngineOptions DEFAULT =
      new EngineOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), false, false, 50_000_000L, Duration.ofMinutes(2));

  /** What Prometheus' test engine runs with: every feature on, delayed name removal. */
  public static final EngineOptions TEST_SCRIPTS =
      new EngineOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), true, true, 50_000_000L, Duration.ofMinutes(2));

  public EngineOptions {
    Objects.requireNonNull(lookbackDelta, "lookbackDelta is null");
    Objects.requireNonNull(evaluationInterval, "evaluationInterval is null");
    Objects.requireNonNull(timeout, "timeout is null");
    if (lookbackDelta.isNegative() || lookbackDelta.isZero()) {
      throw new IllegalArgumentException("lookbackDelta must be positive");
    }
    if (evaluationInterval.isNegative() || evaluationInterval.isZero()) {
      throw new IllegalArgumentException("evaluationInterval must be positive");
    }
    if (maxSamples <= 0) {
      throw new IllegalArgumentException("maxSamples must be positive");
    }
  }

  /** A copy with another evaluation interval. */
  public EngineOptions withEvaluationInterval(Duration interval) {
    return new EngineOptions(lookbackDelta, interval, experimentalFunctions, delayedNameRemoval, maxSamples, timeout);
  }

  /** A copy with another sample limit. */
  public EngineOptions withMaxSamples(long limit) {
    return new EngineOptions(lookbackDelta, evaluationInterval, experimentalFunctions, delayedNameRemoval, limit, timeout);
  }

  /** A copy with another timeout. */
  public EngineOptions withTimeout(Duration limit) {
    return new EngineOptions(lookbackDelta, evaluationInterval, experimentalFunctions, delayedNameRemoval, maxSamples, limit);
  }
}
