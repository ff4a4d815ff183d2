package dev.tocsin.engine.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a request's query string, decoded as Go's {@code url.ParseQuery} does: {@code
 * +} is a space, repeated keys keep every value, and a malformed escape or a semicolon is an
 * error rather than something silently dropped.
 */
final class ApiQuery {
  private final Map<String, List<String>> values;

  private ApiQuery(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Thrown for a query string that cannot be decoded; the message is Prometheus' wording. */
  static final class BadQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    BadQueryException(String message) {
      super(message, null, false, false);
    }
  }

  /** Decodes a raw (still percent-encoded) query string; {@code null} means no parameters. */
  static ApiQuery parse(String raw) throws BadQueryException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return new ApiQuery(out);
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      if (pair.indexOf(';') >= 0) {
        throw new BadQueryException("error parsing form values: invalid semicolon separator in query");
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return new ApiQuery(out);
  }

  private static String decode(String s) throws BadQueryException {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (!hex(s, i + 1) || !hex(s, i + 2)) {
          String bad = s.substring(i, Math.min(s.length(), i + 3));
          throw new BadQueryException("error parsing form values: invalid URL escape \"" + bad + "\"");
        }
        i += 2;
      }
    }
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static boolean hex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  /** Every value of a parameter, in order; empty when absent. */
  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** The first value of a parameter, or {@code ""} when absent (Go's {@code FormValue}). */
  String first(String key) {
    List<String> v = values.get(key);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** Whether the parameter was given at all. */
  boolean has(String key) {
    return values.containsKey(key);
  }
}
