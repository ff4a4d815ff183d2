package dev.tocsin.logql.parser;

/** Number literals as Go's strconv.ParseFloat reads them, with its error messages. */
final class GoFloats {
  private GoFloats() {}

  /**
   * Parses a number token (decimal, or hexadecimal with a {@code p} exponent).
   *
   * @throws IllegalArgumentException with Go's message, e.g. {@code strconv.ParseFloat: parsing
   *     "0x10": invalid syntax}
   */
  static double parse(String s) {
    String t = s;
    boolean hex = t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
    if (hex) {
      // Go allows '_' between digits after a base prefix; Java does not.
      t = t.replace("_", "");
      if (t.indexOf('p') < 0 && t.indexOf('P') < 0) {
        throw syntax(s);
      }
    } else if (!t.matches("[0-9]*(\\.[0-9]*)?([eE][+-]?[0-9]+)?") || t.isEmpty() || t.equals(".")) {
      throw syntax(s);
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw syntax(s);
    }
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("strconv.ParseFloat: parsing \"" + s + "\": value out of range");
    }
    return v;
  }

  private static IllegalArgumentException syntax(String s) {
    return new IllegalArgumentException("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
  }

  /** Formats a finite number so that the lexer and {@link #parse} read it back exactly. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      String s = Long.toString((long) v);
      // "-0" would lex as a Go duration; "-0.0" does not.
      return v == 0 && 1 / v < 0 ? "-0.0" : s;
    }
    return Double.toString(v);
  }

  /** Formats a number as Go's {@code %f} does. */
  static String formatF(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return String.format(java.util.Locale.ROOT, "%f", v);
  }
}
