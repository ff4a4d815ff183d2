package dev.tocsin.promql.engine;

import java.util.Locale;

/** Go's strconv.ParseFloat for bucket bounds: decimal and hex floats, Inf, NaN, no suffixes. */
final class GoParseFloat {
  private GoParseFloat() {}

  static double parse(String s) {
    String t = s;
    String lower = t.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean negative = lower.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (t.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
          || c == 'x' || c == 'X' || c == 'p' || c == 'P' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        throw new NumberFormatException(s);
      }
    }
    if (unsigned.startsWith("0x")) {
      String hex = t.contains("p") || t.contains("P") ? t : t + "p0";
      return Double.parseDouble(hex);
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ((c >= 'a' && c <= 'f' && c != 'e') || (c >= 'A' && c <= 'F' && c != 'E')) {
        throw new NumberFormatException(s);
      }
    }
    return Double.parseDouble(t);
  }
}
