package dev.tocsin.promql.engine;

/** An evaluation error with Prometheus' message; the engine turns it into a QueryException. */
final class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EvalException(String message) {
    super(message, null, false, false);
  }
}
