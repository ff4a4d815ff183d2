package dev.tocsin.logql.http;

import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;

/**
 * Maps Loki's HTTP failures to typed errors. Loki answers errors with a plain-text body holding the
 * message (e.g. {@code parse error at line 1, col 7: syntax error: ...}, {@code no org id}); some
 * proxies answer JSON in Prometheus' shape, whose {@code error} field is used instead.
 */
final class LokiErrors {
  private LokiErrors() {}

  static QueryException forStatus(int code, String reason, String body) {
    String message = messageOf(body);
    ErrorType type;
    String what;
    if (code == 400 || code == 422) {
      type = ErrorType.BAD_DATA;
      what = "bad query";
    } else if (code == 401 || code == 403) {
      type = ErrorType.BAD_DATA;
      what = message.contains("no org id")
          ? "unauthorized (multi-tenant Loki needs a tenant: set X-Scope-OrgID)"
          : "unauthorized";
    } else if (code == 408 || code == 504) {
      type = ErrorType.TIMEOUT;
      what = "timed out";
    } else if (code == 429) {
      type = ErrorType.UNAVAILABLE;
      what = "rate limited";
    } else if (code == 499) {
      type = ErrorType.CANCELED;
      what = "canceled";
    } else if (code >= 500) {
      type = code == 500 ? ErrorType.INTERNAL : ErrorType.UNAVAILABLE;
      what = "server error";
    } else {
      type = ErrorType.BAD_DATA;
      what = "unexpected status";
    }
    String status = code + (reason == null || reason.isEmpty() ? "" : " " + reason);
    return new QueryException(type, "Loki " + what + " (HTTP " + status + "): " + excerpt(message));
  }

  private static String messageOf(String body) {
    String b = body.strip();
    if (b.startsWith("{")) {
      try {
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(b);
        if (n.hasNonNull("error")) {
          return n.get("error").asText();
        }
        if (n.hasNonNull("message")) {
          return n.get("message").asText();
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return b;
      }
    }
    return b;
  }

  /** The start of a body, on one line, at most {@link LokiHttpClient#EXCERPT_CHARS} characters. */
  static String excerpt(String body) {
    String b = body.strip().replace('\n', ' ').replace('\r', ' ');
    if (b.isEmpty()) {
      return "(empty body)";
    }
    return b.length() <= LokiHttpClient.EXCERPT_CHARS ? b : b.substring(0, LokiHttpClient.EXCERPT_CHARS) + "...";
  }
}
