package dev.tocsin.notifier.route;

/** A matcher string that Alertmanager's parser would reject, with the offset of the problem in it. */
public final class MatcherSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public MatcherSyntaxException(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }

  /** The character offset in the parsed string where the problem starts. */
  public int offset() {
    return offset;
  }
}
