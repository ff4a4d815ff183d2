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
   * parse error: <message>}, line and column 1-based within the expression, the column counted in
   * UTF-8 bytes as Go counts it.
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
    // Prometheus and Loki count columns in bytes of UTF-8.
    int col = text.substring(lineStart, end).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
    return line + ":" + col + ": parse error: " + message;
  }
}
