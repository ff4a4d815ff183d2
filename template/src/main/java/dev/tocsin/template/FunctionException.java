package dev.tocsin.template;

/**
 * Thrown by a template function to fail the call; the executor reports it as Go does: {@code error
 * calling NAME: MESSAGE}.
 */
public final class FunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FunctionException(String message) {
    super(message, null, false, false);
  }
}
