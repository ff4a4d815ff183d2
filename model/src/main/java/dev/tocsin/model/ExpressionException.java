package dev.tocsin.model;

import java.util.List;

/** Thrown when a PromQL or LogQL expression does not parse or type-check; holds every error found. */
public final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ParseError> errors;
  private final String text;

  public ExpressionException(String text, List<ParseError> errors) {
    super(errors.isEmpty() ? "parse error" : errors.get(0).format(text), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors");
    }
    this.text = text;
    this.errors = List.copyOf(errors);
  }

  public ExpressionException(String text, ParseError error) {
    this(text, List.of(error));
  }

  /** The expression text the errors refer to. */
  public String text() {
    return text;
  }

  /** Every error, in order of position; at least one. */
  public List<ParseError> errors() {
    return errors;
  }
}
