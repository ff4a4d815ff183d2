package dev.tocsin.model;

import java.time.Duration;

/**
 * Prometheus' duration notation ({@code 1h30m}, {@code 5m}, {@code 0}): units y, w, d, h, m, s,
 * ms, each at most once and in that order, as {@code model.ParseDuration} accepts them.
 */
public final class PromDuration {
  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] MILLIS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
  };

  private PromDuration() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with Prometheus' message, e.g. {@code not a valid duration
   *     string: "1x"}
   */
  public static Duration parse(String s) {
    long ms = parseMillis(s);
    return Duration.ofMillis(ms);
  }

  /** Parses a duration into milliseconds. */
  public static long parseMillis(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    if (s.equals("0")) {
      return 0;
    }
    long total = 0;
    int pos = 0;
    int lastUnit = -1;
    while (pos < s.length()) {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start) {
        throw invalid(s);
      }
      String digits = s.substring(start, pos);
      int unit = pos < s.length() ? unitAt(s, pos) : -1;
      if (unit < 0 || unit <= lastUnit) {
        throw invalid(s);
      }
      pos += UNITS[unit].length();
      lastUnit = unit;
      long n;
      try {
        n = Long.parseLong(digits);
        total = Math.addExact(total, Math.multiplyExact(n, MILLIS[unit]));
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("duration out of range");
      }
    }
    return total;
  }

  private static int unitAt(String s, int pos) {
    if (s.startsWith("ms", pos)) {
      return 6;
    }
    return switch (s.charAt(pos)) {
      case 'y' -> 0;
      case 'w' -> 1;
      case 'd' -> 2;
      case 'h' -> 3;
      case 'm' -> 4;
      case 's' -> 5;
      default -> -1;
    };
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("not a valid duration string: \"" + s + "\"");
  }

  /** Formats milliseconds as Prometheus does ({@code 1h30m}, {@code 0s}). */
  public static String format(long ms) {
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (ms < 0) {
      sb.append('-');
      ms = -ms;
    }
    for (int u = 0; u < UNITS.length; u++) {
      long n = ms / MILLIS[u];
      if (n > 0) {
        sb.append(n).append(UNITS[u]);
        ms -= n * MILLIS[u];
      }
    }
    return sb.toString();
  }

  /** Formats a duration as Prometheus does. */
  public static String format(Duration d) {
    return format(d.toMillis());
  }
}
