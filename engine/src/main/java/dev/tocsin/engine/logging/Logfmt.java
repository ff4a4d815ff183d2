package dev.tocsin.engine.logging;

import java.util.Map;
import java.util.Set;

/**
 * Writes a log line as logfmt ({@code key=value} pairs, values quoted when they hold spaces,
 * quotes, {@code =} or control characters), the format of Prometheus' and Loki's own logs. The
 * {@code extra} keys follow the fixed ones; one that clashes with a fixed key gets an
 * {@code extra_} prefix.
 */
final class Logfmt {
  private static final Set<String> FIXED = Set.of("ts", "level", "service", "event", "correlation_id", "msg");

  private Logfmt() {}

  static String format(LogLine line) {
    StringBuilder b = new StringBuilder(256);
    pair(b, "ts", LogFormat.TIMESTAMP.format(line.ts()));
    pair(b, "level", line.level());
    pair(b, "service", LogLine.SERVICE);
    pair(b, "event", line.event());
    if (line.correlationId() != null) {
      pair(b, "correlation_id", line.correlationId());
    }
    pair(b, "msg", line.msg());
    for (Map.Entry<String, Object> e : line.extra().entrySet()) {
      pair(b, FIXED.contains(e.getKey()) ? "extra_" + e.getKey() : e.getKey(), text(e.getValue()));
    }
    return b.toString();
  }

  private static String text(Object v) {
    if (v instanceof Iterable<?> items) {
      StringBuilder b = new StringBuilder("[");
      for (Object item : items) {
        if (b.length() > 1) {
          b.append(',');
        }
        b.append(JsonLines.text(item));
      }
      return b.append(']').toString();
    }
    return JsonLines.text(v);
  }

  private static void pair(StringBuilder b, String key, String value) {
    if (b.length() > 0) {
      b.append(' ');
    }
    b.append(key).append('=');
    if (!needsQuotes(value)) {
      b.append(value);
      return;
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static boolean needsQuotes(String v) {
    if (v.isEmpty()) {
      return true;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
