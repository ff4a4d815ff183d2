package dev.tocsin.logql.logqltest;

import dev.tocsin.logql.pipeline.GoConversions;
import dev.tocsin.model.Labels;
import dev.tocsin.model.PromDuration;

/** Lexical helpers shared by the script parser and {@link LoadLine}: comments, quoted strings, durations, label sets. */
final class ScriptText {
  private ScriptText() {}

  /** The line without a trailing {@code #} comment; a {@code #} inside double quotes or backticks is text. */
  static String stripComment(String line) {
    boolean dq = false;
    boolean bt = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (dq) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          dq = false;
        }
      } else if (bt) {
        if (c == '`') {
          bt = false;
        }
      } else if (c == '"') {
        dq = true;
      } else if (c == '`') {
        bt = true;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** The end (exclusive) of a double-quoted string starting at {@code start}, escapes skipped; -1 when unterminated. */
  static int quotedEnd(String s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Go's {@code strconv.Unquote} for a double-quoted string including its quotes. */
  static String unquote(String q) {
    StringBuilder b = new StringBuilder(q.length());
    for (int i = 1; i < q.length() - 1; i++) {
      char c = q.charAt(i);
      if (c != '\\' || i + 1 >= q.length() - 1) {
        b.append(c);
        continue;
      }
      char e = q.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'u' -> {
          b.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }

  /** A Go duration ({@code 90s}, {@code 1m30s}, {@code 500ms}) or a Prometheus one ({@code 1d}), in nanoseconds. */
  static long durationNanos(String s) {
    try {
      return GoConversions.parseDurationNanos(s);
    } catch (GoConversions.ConversionException e) {
      try {
        return Math.multiplyExact(PromDuration.parseMillis(s), 1_000_000L);
      } catch (IllegalArgumentException | ArithmeticException x) {
        throw new ScriptSyntaxException("invalid duration " + GoConversions.goQuote(s));
      }
    }
  }

  /** The end (exclusive) of a {@code {...}} label set starting at {@code start}; -1 when unterminated. */
  static int braceEnd(String s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        int e = quotedEnd(s, i);
        if (e < 0) {
          return -1;
        }
        i = e - 1;
      } else if (c == '}') {
        return i + 1;
      }
    }
    return -1;
  }

  /** A label set {@code {a="b", c=""}} (equality only; empty values kept). */
  static Labels labels(String text) {
    String t = text.strip();
    if (!t.startsWith("{") || !t.endsWith("}")) {
      throw new ScriptSyntaxException("invalid label set " + text);
    }
    Labels.Builder b = Labels.builder();
    int i = 1;
    int end = t.length() - 1;
    while (i < end) {
      char c = t.charAt(i);
      if (c == ' ' || c == ',' || c == '\t') {
        i++;
        continue;
      }
      int eq = t.indexOf('=', i);
      if (eq < 0) {
        throw new ScriptSyntaxException("invalid label set " + text);
      }
      String name = t.substring(i, eq).strip();
      int q = eq + 1;
      while (q < end && t.charAt(q) == ' ') {
        q++;
      }
      if (q >= end || t.charAt(q) != '"') {
        throw new ScriptSyntaxException("invalid label set " + text);
      }
      int qe = quotedEnd(t, q);
      if (qe < 0) {
        throw new ScriptSyntaxException("unterminated quoted string in " + text);
      }
      if (name.isEmpty()) {
        throw new ScriptSyntaxException("invalid label set " + text);
      }
      b.put(name, unquote(t.substring(q, qe)));
      i = qe;
    }
    return b.build();
  }
}
