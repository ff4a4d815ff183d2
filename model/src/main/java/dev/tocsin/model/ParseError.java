package dev.tocsin.model;

import java.util.Objects;

/**
 * One error found while parsing or checking an expression: where it is in the expression text and
 * what is wrong, in the wording of the upstream project (without any position prefix).
 */
public record ParseError(Span span, String message) {
  public ParseError {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(message, "message is null");
  }

  /**
   * The error as Prometheus prints a parse error of this expression text: {@code <line>:<col>:
   * parse error: <message>}, line and column 1-based within the expression.
   */
  public String format(String text) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(span.start(), text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int col = text.codePointCount(lineStart, end) + 1;
    return line + ":" + col + ": parse error: " + message;
  }
}
