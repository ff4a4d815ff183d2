package dev.tocsin.logql.logqltest;

/** A malformed test script or load line; the message reads {@code file:line: message} when the position is known. */
public final class ScriptSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error without a position (a single load line). */
  public ScriptSyntaxException(String message) {
    super(message);
  }

  /** An error at a line of a named script. */
  public ScriptSyntaxException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
