package dev.tocsin.promql.promqltest;

import java.util.Objects;

/**
 * A failed command of a test script.
 *
 * @param line the 1-based line of the command in the script
 * @param command the command line as written
 * @param message what went wrong
 */
public record ScriptFailure(int line, String command, String message) {
  public ScriptFailure {
    Objects.requireNonNull(command, "command is null");
    Objects.requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + command + ": " + message;
  }
}
