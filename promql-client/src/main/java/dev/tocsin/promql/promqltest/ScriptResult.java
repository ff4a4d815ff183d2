package dev.tocsin.promql.promqltest;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one test script: how many evaluations passed, failed and were skipped, and the
 * failures and skips with their line numbers.
 */
public record ScriptResult(
    String script, int passed, int failed, int skipped, List<ScriptFailure> failures, List<ScriptSkip> skips) {
  public ScriptResult {
    Objects.requireNonNull(script, "script is null");
    failures = List.copyOf(failures);
    skips = List.copyOf(skips);
  }

  /** The summary line {@code N passed, N failed, N skipped}. */
  public String summary() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
