package dev.tocsin.rules.validate;

import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Severity;
import java.util.List;

/**
 * What loading one rule file gave: the file (even when it has errors, as far as it could be read;
 * {@code null} when it could not be read at all) and every diagnostic, errors and warnings.
 */
public record LoadResult(RuleFile file, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The errors only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /** The warnings only. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
  }
}
