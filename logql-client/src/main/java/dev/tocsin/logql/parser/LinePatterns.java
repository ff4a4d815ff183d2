package dev.tocsin.logql.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks Loki's {@code pattern} parser makes when the query is parsed (log/pattern): at least
 * one named capture, no two captures side by side, no capture name twice.
 */
final class LinePatterns {
  private LinePatterns() {}

  /** The error message for an invalid pattern, or null when it is valid. */
  static String check(String pattern) {
    List<String> nodes = new ArrayList<>(); // captures as "<name>", literals as null
    int i = 0;
    while (i < pattern.length()) {
      int end = captureEnd(pattern, i);
      if (end > 0) {
        nodes.add(pattern.substring(i, end));
        i = end;
      } else {
        if (nodes.isEmpty() || nodes.get(nodes.size() - 1) != null) {
          nodes.add(null);
        }
        i++;
      }
    }
    List<String> names = new ArrayList<>();
    for (String n : nodes) {
      if (n != null && !n.equals("<_>")) {
        names.add(n.substring(1, n.length() - 1));
      }
    }
    if (names.isEmpty()) {
      return "at least one capture is required";
    }
    for (int k = 0; k + 1 < nodes.size(); k++) {
      if (nodes.get(k) != null && nodes.get(k + 1) != null) {
        return "found consecutive capture '" + nodes.get(k) + nodes.get(k + 1) + "': invalid expression";
      }
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        return "duplicate capture name (" + name + "): invalid expression";
      }
    }
    return null;
  }

  private static int captureEnd(String p, int i) {
    if (p.charAt(i) != '<' || i + 1 >= p.length()) {
      return -1;
    }
    char first = p.charAt(i + 1);
    if (!(first == '_' || isAsciiLetter(first))) {
      return -1;
    }
    int j = i + 2;
    while (j < p.length() && (p.charAt(j) == '_' || isAsciiLetter(p.charAt(j)) || (p.charAt(j) >= '0' && p.charAt(j) <= '9'))) {
      j++;
    }
    return j < p.length() && p.charAt(j) == '>' ? j + 1 : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
