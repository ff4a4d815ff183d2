package dev.tocsin.promql.engine;

import java.math.BigDecimal;

/** Go's float formatting where Prometheus' messages and labels depend on it. */
final class GoFloat {
  private GoFloat() {}

  /** Go's {@code %g}: the shortest representation, in exponent form below 1e-4 and from 1e6. */
  static String formatG(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = v < 0 ? "-" : "";
    // Go uses %e when the exponent is < -4 or >= 6 (its threshold for the shortest precision).
    if (exp < -4 || exp >= 6) {
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : Integer.toString(Math.abs(exp));
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return sign + d.abs().toPlainString();
  }

  /**
   * Prometheus' FormatOpenMetricsFloat: like {@code %g} but always with a decimal point or
   * exponent ({@code 1.0}, {@code 0.25}, {@code +Inf}).
   */
  static String formatOpenMetrics(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String s = formatG(v);
    if (s.indexOf('.') >= 0 || s.indexOf('e') >= 0) {
      return s;
    }
    return s + ".0";
  }
}
