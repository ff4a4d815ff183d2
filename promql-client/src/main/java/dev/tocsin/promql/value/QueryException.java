package dev.tocsin.promql.value;

import java.util.Objects;

/**
 * A query that failed, with Prometheus' error type ({@code bad_data}, {@code execution}, {@code
 * timeout}, {@code canceled}, {@code unavailable}, {@code internal}) and message.
 */
public final class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Prometheus' error types, as its HTTP API names them. */
  public enum ErrorType {
    BAD_DATA("bad_data"),
    EXECUTION("execution"),
    TIMEOUT("timeout"),
    CANCELED("canceled"),
    UNAVAILABLE("unavailable"),
    INTERNAL("internal");

    private final String wireName;

    ErrorType(String wireName) {
      this.wireName = wireName;
    }

    /** The name in the API's {@code errorType} field. */
    public String wireName() {
      return wireName;
    }
  }

  private final ErrorType type;

  public QueryException(ErrorType type, String message) {
    super(message);
    this.type = Objects.requireNonNull(type, "type is null");
  }

  public QueryException(ErrorType type, String message, Throwable cause) {
    super(message, cause);
    this.type = Objects.requireNonNull(type, "type is null");
  }

  public ErrorType type() {
    return type;
  }
}
