package dev.tocsin.engine.config;

import dev.tocsin.model.source.Diagnostic;
import java.util.List;

/**
 * What loading a {@code tocsin.yml} gave: the configuration ({@code null} exactly when there are
 * errors), the errors and the warnings, each at file:line:column where there is one.
 */
public record ConfigLoadResult(TocsinConfig config, List<Diagnostic> errors, List<Diagnostic> warnings) {
  public ConfigLoadResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if ((config == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("exactly one of a configuration and errors must be given");
    }
  }

  /** Whether there are errors (then {@link #config()} is {@code null}). */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
