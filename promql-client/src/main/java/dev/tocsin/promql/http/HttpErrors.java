package dev.tocsin.promql.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;

/**
 * Maps an unsuccessful HTTP answer to a typed error. Prometheus, Thanos, Mimir and VictoriaMetrics
 * answer JSON with {@code errorType} and {@code error} (400 bad_data, 422 execution, 503
 * timeout/canceled/unavailable, 500 internal); Loki and proxies answer plain text or HTML, typed by
 * the status code alone.
 */
final class HttpErrors {
  /** How much of a body a message quotes. */
  static final int EXCERPT_CHARS = 512;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HttpErrors() {}

  static QueryException forStatus(String server, int code, String reason, String body) {
    JsonNode json = json(body);
    String message = body;
    ErrorType declared = null;
    if (json != null) {
      if (json.hasNonNull("error")) {
        message = json.get("error").asText();
      } else if (json.hasNonNull("message")) {
        message = json.get("message").asText();
      }
      declared = errorType(json.path("errorType").asText(""));
    }
    ErrorType type;
    String what;
    if (code == 400 || code == 422) {
      type = code == 400 ? ErrorType.BAD_DATA : ErrorType.EXECUTION;
      what = code == 400 ? "bad query" : "query failed";
    } else if (code == 401 || code == 403) {
      type = ErrorType.BAD_DATA;
      // Loki and Mimir answer "no org id" when multi-tenancy is on and the tenant header is missing.
      what = message.contains("no org id")
          ? "unauthorized (a multi-tenant server needs a tenant: set X-Scope-OrgID)"
          : "unauthorized";
    } else if (code == 404) {
      type = ErrorType.BAD_DATA;
      what = "not found (check the URL and its path prefix)";
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
    if (declared != null) {
      type = declared;
      what = "error " + declared.wireName();
    }
    String status = code + (reason == null || reason.isEmpty() ? "" : " " + reason);
    return new QueryException(type, server + " " + what + " (HTTP " + status + "): " + excerpt(message));
  }

  /** Prometheus' error type for its wire name, or {@code null} for an unknown one. */
  static ErrorType errorType(String wire) {
    for (ErrorType t : ErrorType.values()) {
      if (t.wireName().equals(wire)) {
        return t;
      }
    }
    return null;
  }

  private static JsonNode json(String body) {
    String b = body.strip();
    if (!b.startsWith("{")) {
      return null;
    }
    try {
      JsonNode n = MAPPER.readTree(b);
      return n != null && n.isObject() ? n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The start of a body, on one line, at most {@link #EXCERPT_CHARS} characters. */
  static String excerpt(String body) {
    String b = body.strip().replace('\n', ' ').replace('\r', ' ');
    if (b.isEmpty()) {
      return "(empty body)";
    }
    return b.length() <= EXCERPT_CHARS ? b : b.substring(0, EXCERPT_CHARS) + "...";
  }
}
