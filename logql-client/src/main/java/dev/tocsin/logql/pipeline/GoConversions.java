package dev.tocsin.logql.pipeline;

import dev.tocsin.template.fmt.GoHumanize;
import java.math.BigDecimal;

/**
 * The Go conversions LogQL applies to label values: {@code strconv.ParseFloat}, {@code
 * time.ParseDuration} and go-humanize's {@code ParseBytes}, with Go's error messages because they
 * end up in {@code __error_details__}.
 */
public final class GoConversions {
  private GoConversions() {}

  /** A failed conversion, carrying Go's message. */
  public static final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    ConversionException(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's {@code strconv.ParseFloat(s, 64)}: decimal and hex floats, {@code Inf}, {@code NaN}, underscores rejected. */
  public static double parseFloat(String s) throws ConversionException {
    String t = s;
    boolean neg = false;
    int i = 0;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      neg = t.charAt(0) == '-';
      i = 1;
    }
    String body = t.substring(i);
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan") && i == 0) {
      return Double.NaN;
    }
    if (body.isEmpty() || !validNumber(body)) {
      throw new ConversionException("strconv.ParseFloat: parsing " + goQuote(s) + ": invalid syntax");
    }
    // validNumber admits hex only with its p exponent, which Java's parser also requires
    double v = Double.parseDouble(body);
    if (Double.isInfinite(v)) {
      throw new ConversionException("strconv.ParseFloat: parsing " + goQuote(s) + ": value out of range");
    }
    return neg ? -v : v;
  }

  private static boolean validNumber(String b) {
    int n = b.length();
    int i = 0;
    if (n > 2 && b.charAt(0) == '0' && (b.charAt(1) == 'x' || b.charAt(1) == 'X')) {
      i = 2;
      int digits = 0;
      while (i < n && Character.digit(b.charAt(i), 16) >= 0) {
        i++;
        digits++;
      }
      if (i < n && b.charAt(i) == '.') {
        i++;
        while (i < n && Character.digit(b.charAt(i), 16) >= 0) {
          i++;
          digits++;
        }
      }
      if (digits == 0 || i >= n || (b.charAt(i) != 'p' && b.charAt(i) != 'P')) {
        return false; // Go requires the p exponent for hex floats
      }
      i++;
      return exponentDigits(b, i);
    }
    int digits = 0;
    while (i < n && isDigit(b.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && b.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(b.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (b.charAt(i) != 'e' && b.charAt(i) != 'E') {
      return false;
    }
    return exponentDigits(b, i + 1);
  }

  private static boolean exponentDigits(String b, int i) {
    int n = b.length();
    if (i < n && (b.charAt(i) == '+' || b.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    while (i < n && isDigit(b.charAt(i))) {
      i++;
    }
    return i > start && i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Go's {@code time.ParseDuration}, in nanoseconds (units ns, us, µs, μs, ms, s, m, h; no days). */
  public static long parseDurationNanos(String s) throws ConversionException {
    String orig = s;
    int i = 0;
    int n = s.length();
    boolean neg = false;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return 0;
    }
    if (i == n) {
      throw new ConversionException("time: invalid duration " + goQuote(orig));
    }
    double total = 0;
    while (i < n) {
      int start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      String whole = s.substring(start, i);
      String frac = "";
      if (i < n && s.charAt(i) == '.') {
        i++;
        int fs = i;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        frac = s.substring(fs, i);
      }
      if (whole.isEmpty() && frac.isEmpty()) {
        throw new ConversionException("time: invalid duration " + goQuote(orig));
      }
      int us = i;
      while (i < n && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(us, i);
      if (unit.isEmpty()) {
        throw new ConversionException("time: missing unit in duration " + goQuote(orig));
      }
      long scale =
          switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new ConversionException(
                "time: unknown unit " + goQuote(unit) + " in duration " + goQuote(orig));
          };
      BigDecimal v = new BigDecimal((whole.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac));
      total += v.multiply(BigDecimal.valueOf(scale)).doubleValue();
      if (total > Long.MAX_VALUE) {
        throw new ConversionException("time: invalid duration " + goQuote(orig));
      }
    }
    long r = (long) total;
    return neg ? -r : r;
  }

  /** go-humanize's {@code ParseBytes}: {@code 42}, {@code 42 MB}, {@code 4.2KiB}, {@code 1,024}; units are case insensitive. */
  public static long parseBytes(String s) throws ConversionException {
    try {
      return (long) GoHumanize.parseBytes(s);
    } catch (GoHumanize.ByteSizeException e) {
      throw new ConversionException(e.getMessage());
    }
  }

  /** Go's {@code %q} quoting of a string, as used in conversion messages. */
  public static String goQuote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
