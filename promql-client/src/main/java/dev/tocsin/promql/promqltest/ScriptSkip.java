package dev.tocsin.promql.promqltest;

import java.util.Objects;

/**
 * An evaluation that was not run because it needs a feature Tocsin does not implement.
 *
 * @param line the 1-based line of the eval command
 * @param reason which feature, e.g. {@code native histograms}
 */
public record ScriptSkip(int line, String command, String reason) {
  public ScriptSkip {
    Objects.requireNonNull(command, "command is null");
    Objects.requireNonNull(reason, "reason is null");
  }
}
