package dev.tocsin.logql.parser;

import dev.tocsin.model.PromDuration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * The two duration notations Loki accepts: Prometheus' ({@code 1h30m}, {@code 2d}; ranges use only
 * this one) and, as a fallback in durations outside ranges, Go's {@code time.ParseDuration}
 * ({@code 1.5h}, {@code -5m}, {@code 250us}).
 */
final class GoDurations {
  private static final String[] PROM_UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] PROM_MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000L, 3_600_000L, 60_000L, 1000L, 1L
  };
  private static final Map<String, Long> GO_UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDurations() {}

  /**
   * Parses a Prometheus duration with the messages of prometheus/common's model.ParseDuration.
   *
   * @throws IllegalArgumentException when the text is not a duration
   */
  static Duration parseProm(String s) {
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    long total = 0;
    int pos = 0;
    int lastUnit = -1;
    while (pos < s.length()) {
      int start = pos;
      while (pos < s.length() && isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        throw invalid(s);
      }
      long v;
      try {
        v = Long.parseLong(s.substring(start, pos));
      } catch (NumberFormatException e) {
        throw invalid(s);
      }
      int unitStart = pos;
      while (pos < s.length() && !isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == unitStart) {
        throw invalid(s);
      }
      String u = s.substring(unitStart, pos);
      int unit = -1;
      for (int k = 0; k < PROM_UNITS.length; k++) {
        if (PROM_UNITS[k].equals(u)) {
          unit = k;
        }
      }
      if (unit < 0) {
        throw new IllegalArgumentException("unknown unit \"" + u + "\" in duration \"" + s + "\"");
      }
      if (unit <= lastUnit) {
        throw invalid(s);
      }
      lastUnit = unit;
      try {
        total = Math.addExact(total, Math.multiplyExact(v, PROM_MILLIS[unit]));
        Math.multiplyExact(total, 1_000_000L);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("duration out of range");
      }
    }
    return Duration.ofMillis(total);
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("not a valid duration string: \"" + s + "\"");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Parses a duration as Go's time.ParseDuration does, with its messages.
   *
   * @throws IllegalArgumentException when the text is not a duration
   */
  static Duration parseGo(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw goInvalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    int pos = 0;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (!(c == '.' || isDigit(c))) {
        throw goInvalid(orig);
      }
      int start = pos;
      while (pos < s.length() && isDigit(s.charAt(pos))) {
        pos++;
      }
      boolean pre = pos > start;
      boolean post = false;
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        int f = pos;
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
        post = pos > f;
      }
      if (!pre && !post) {
        throw goInvalid(orig);
      }
      String number = s.substring(start, pos);
      int unitStart = pos;
      while (pos < s.length() && s.charAt(pos) != '.' && !isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == unitStart) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + orig + "\"");
      }
      String u = s.substring(unitStart, pos);
      Long unit = GO_UNITS.get(u);
      if (unit == null) {
        throw new IllegalArgumentException("time: unknown unit \"" + u + "\" in duration \"" + orig + "\"");
      }
      String n = number.endsWith(".") ? number + "0" : number;
      BigDecimal value = new BigDecimal(n.startsWith(".") ? "0" + n : n);
      total = total.add(value.multiply(BigDecimal.valueOf(unit)));
    }
    BigDecimal whole = total.setScale(0, RoundingMode.DOWN);
    BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE);
    if (whole.compareTo(neg ? limit.add(BigDecimal.ONE) : limit) > 0) {
      throw goInvalid(orig);
    }
    return Duration.ofNanos((neg ? whole.negate() : whole).longValueExact());
  }

  private static IllegalArgumentException goInvalid(String s) {
    return new IllegalArgumentException("time: invalid duration \"" + s + "\"");
  }

  /** Loki's lexer: a Prometheus duration, else a Go duration, else null. */
  static Duration parseLexerDuration(String s) {
    try {
      return parseProm(s);
    } catch (IllegalArgumentException e) {
      try {
        return parseGo(s);
      } catch (IllegalArgumentException e2) {
        return null;
      }
    }
  }

  /** Formats as Go's time.Duration.String ({@code 1h0m0s}, {@code 1.5s}, {@code 250ms}). */
  static String formatGo(Duration d) {
    long n = d.toNanos();
    if (n == 0) {
      return "0s";
    }
    boolean neg = n < 0;
    BigDecimal u = BigDecimal.valueOf(n).abs();
    StringBuilder sb = new StringBuilder();
    if (u.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      long v = u.longValue();
      if (v < 1000) {
        sb.append(v).append("ns");
      } else if (v < 1_000_000) {
        sb.append(frac(v, 1000)).append("\u00b5s");
      } else {
        sb.append(frac(v, 1_000_000)).append("ms");
      }
    } else {
      long v = u.longValue();
      long secsTotal = v / 1_000_000_000L;
      String secs = frac(v % 60_000_000_000L, 1_000_000_000L) + "s";
      long mins = secsTotal / 60;
      if (mins > 0) {
        long hours = mins / 60;
        if (hours > 0) {
          sb.append(hours).append('h');
        }
        sb.append(mins % 60).append('m');
      }
      sb.append(secs);
    }
    return (neg ? "-" : "") + sb;
  }

  private static String frac(long v, long unit) {
    BigDecimal r = BigDecimal.valueOf(v).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return r.toPlainString();
  }

  /** Formats a non-negative whole-millisecond duration in Prometheus' notation ({@code 1h30m}). */
  static String formatProm(Duration d) {
    return PromDuration.format(d.toMillis());
  }
}
