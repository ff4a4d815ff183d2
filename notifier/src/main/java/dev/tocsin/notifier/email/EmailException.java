package dev.tocsin.notifier.email;

/**
 * A notification email that could not be rendered or sent. The message is one complete line
 * (receiver, server and cause) and no stack trace is recorded, since the cause is the server's or
 * the configuration's, never Tocsin's code.
 */
public final class EmailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmailException(String message) {
    super(message, null, false, false);
  }
}
