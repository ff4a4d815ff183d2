package dev.tocsin.promql.parser;

import dev.tocsin.promql.ast.GoQuote;
import java.math.BigInteger;
import java.util.Locale;

/** Number literals as Prometheus reads them: Go's {@code ParseInt(s, 0, 64)}, else {@code ParseFloat}. */
final class Numbers {
  private Numbers() {}

  /**
   * The value of a NUMBER token.
   *
   * @throws NumberFormatException with Go's wording when it is out of range
   */
  static double parse(String text) {
    String s = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (lower.startsWith("0x")) {
      BigInteger v = new BigInteger(s.substring(2), 16);
      if (v.bitLength() > 63) {
        throw new NumberFormatException(
            "strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": invalid syntax");
      }
      return v.longValue();
    }
    if (s.length() > 1 && s.charAt(0) == '0' && isOctal(s)) {
      // ParseInt with base 0 reads a leading zero as octal.
      BigInteger v = new BigInteger(s.substring(1), 8);
      if (v.bitLength() <= 63) {
        return v.longValue();
      }
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      throw new NumberFormatException(
          "strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": value out of range");
    }
    return d;
  }

  private static boolean isOctal(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
