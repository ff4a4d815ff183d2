package dev.tocsin.logql.parser;

import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;

/** Thrown inside the parser to stop at the first error; turned into an ExpressionException. */
final class ParseFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ParseError error;

  ParseFailure(Span span, String message) {
    super(message, null, false, false);
    this.error = new ParseError(span, message);
  }

  ParseError error() {
    return error;
  }
}
