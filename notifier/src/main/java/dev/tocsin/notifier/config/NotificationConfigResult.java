package dev.tocsin.notifier.config;

import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Severity;
import java.util.List;

/**
 * What loading an alertmanager.yml produced: the configuration (absent when there are errors) and
 * every error and warning with its position.
 */
public record NotificationConfigResult(NotificationConfig config, List<Diagnostic> diagnostics) {
  public NotificationConfigResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The warnings, e.g. receiver types Tocsin does not deliver. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
  }
}
