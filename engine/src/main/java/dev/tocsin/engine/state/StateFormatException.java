package dev.tocsin.engine.state;

/** A state file that cannot be read as a snapshot; the message says where and why. */
public final class StateFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  StateFormatException(String message) {
    super(message, null, false, false);
  }
}
