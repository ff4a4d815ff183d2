package dev.tocsin.promql.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings and info notes of one query, in Prometheus' wording ({@code PromQL warning: …} and
 * {@code PromQL info: …}) with the {@code (line:col)} position suffix Prometheus 3.x appends.
 */
final class Annotations {
  private final String query;
  private final Set<String> warnings = new LinkedHashSet<>();
  private final Set<String> infos = new LinkedHashSet<>();
  private final java.util.Map<Object, Set<String>> reported = new java.util.IdentityHashMap<>();

  Annotations(String query) {
    this.query = query;
  }

  /**
   * Whether this is the first time a node reports something about this subject (e.g. a metric
   * name), so that a range query builds each message once rather than at every step.
   */
  boolean firstTime(Object node, String subject) {
    return reported.computeIfAbsent(node, k -> new java.util.HashSet<>()).add(subject);
  }

  void warn(String message, int offset) {
    warnings.add("PromQL warning: " + message + position(offset));
  }

  void info(String message, int offset) {
    infos.add("PromQL info: " + message + position(offset));
  }

  /** The warnings, in the order first raised. */
  List<String> warnings() {
    return new ArrayList<>(warnings);
  }

  /** The info notes, in the order first raised. */
  List<String> infos() {
    return new ArrayList<>(infos);
  }

  private String position(int offset) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(Math.max(offset, 0), query.length());
    for (int i = 0; i < end; i++) {
      if (query.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return " (" + line + ":" + (query.codePointCount(lineStart, end) + 1) + ")";
  }
}
