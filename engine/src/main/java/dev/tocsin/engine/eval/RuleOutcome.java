package dev.tocsin.engine.eval;

import dev.tocsin.rules.model.Rule;
import java.time.Duration;

/** One rule's outcome in one group evaluation: health, error (or {@code null}), duration, samples written. */
public record RuleOutcome(Rule rule, RuleHealth health, String lastError, Duration duration, int samples) {}
