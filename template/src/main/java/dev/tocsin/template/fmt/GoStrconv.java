package dev.tocsin.template.fmt;

import java.math.BigInteger;

/** Go's {@code strconv} parsing: {@code Unquote}, {@code ParseInt}/{@code ParseUint} with base 0, {@code ParseFloat}. */
public final class GoStrconv {
  private GoStrconv() {}

  /** Thrown with Go's {@code strconv} error text. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SyntaxException(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code strconv.Unquote} for double-quoted, back-quoted and single-quoted literals. */
  public static String unquote(String s) throws SyntaxException {
    int n = s.length();
    if (n < 2) {
      throw new SyntaxException("invalid syntax");
    }
    char q = s.charAt(0);
    if (q != s.charAt(n - 1)) {
      throw new SyntaxException("invalid syntax");
    }
    String body = s.substring(1, n - 1);
    if (q == '`') {
      if (body.indexOf('`') >= 0) {
        throw new SyntaxException("invalid syntax");
      }
      return body.replace("\r", "");
    }
    if (q != '"' && q != '\'') {
      throw new SyntaxException("invalid syntax");
    }
    StringBuilder sb = new StringBuilder(body.length());
    int i = 0;
    int runes = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == q && q == '\'') {
        throw new SyntaxException("invalid syntax");
      }
      if (c == '\n' || (c == q)) {
        throw new SyntaxException("invalid syntax");
      }
      runes++;
      if (c != '\\') {
        sb.append(c);
        i++;
        continue;
      }
      if (i + 1 >= body.length()) {
        throw new SyntaxException("invalid syntax");
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case '\\' -> sb.append('\\');
        case '\'', '"' -> {
          if (e != q) {
            throw new SyntaxException("invalid syntax");
          }
          sb.append(e);
        }
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + len > body.length()) {
            throw new SyntaxException("invalid syntax");
          }
          int v;
          try {
            v = Integer.parseUnsignedInt(body.substring(i, i + len), 16);
          } catch (NumberFormatException ex) {
            throw new SyntaxException("invalid syntax");
          }
          i += len;
          if (e == 'x') {
            // A byte; Go strings are bytes, we approximate with the Latin-1 character.
            sb.append((char) v);
          } else {
            if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF) || v < 0) {
              throw new SyntaxException("invalid syntax");
            }
            sb.appendCodePoint(v);
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > body.length()) {
            throw new SyntaxException("invalid syntax");
          }
          String oct = "" + e + body.charAt(i) + body.charAt(i + 1);
          int v;
          try {
            v = Integer.parseInt(oct, 8);
          } catch (NumberFormatException ex) {
            throw new SyntaxException("invalid syntax");
          }
          if (v > 255) {
            throw new SyntaxException("invalid syntax");
          }
          i += 2;
          sb.append((char) v);
        }
        default -> throw new SyntaxException("invalid syntax");
      }
    }
    if (q == '\'' && sb.codePointCount(0, sb.length()) != 1) {
      throw new SyntaxException("invalid syntax");
    }
    return sb.toString();
  }

  /** {@code strconv.ParseInt(s, 0, 64)}-style parsing to an unbounded integer, or null if invalid. */
  public static BigInteger parseInteger(String s) {
    String t = s;
    boolean neg = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      neg = t.charAt(0) == '-';
      t = t.substring(1);
    }
    if (t.isEmpty()) {
      return null;
    }
    int base = 10;
    boolean prefixed = false;
    if (t.length() > 1 && t.charAt(0) == '0') {
      char p = Character.toLowerCase(t.charAt(1));
      if (p == 'x') {
        base = 16;
        t = t.substring(2);
        prefixed = true;
      } else if (p == 'b') {
        base = 2;
        t = t.substring(2);
        prefixed = true;
      } else if (p == 'o') {
        base = 8;
        t = t.substring(2);
        prefixed = true;
      } else {
        base = 8;
        t = t.substring(1);
        prefixed = true;
      }
    }
    if (t.contains("_")) {
      // Underscores only between digits (or after a base prefix).
      if (t.endsWith("_") || t.contains("__") || (!prefixed && t.startsWith("_"))) {
        return null;
      }
      t = t.replace("_", "");
    }
    if (t.isEmpty()) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(t, base);
      return neg ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * {@code strconv.ParseFloat(s, 64)}.
   *
   * @throws SyntaxException with Go's message, e.g. {@code strconv.ParseFloat: parsing "abc":
   *     invalid syntax}
   */
  public static double parseFloat(String s) throws SyntaxException {
    String t = s;
    String sign = "";
    if (t.startsWith("+") || t.startsWith("-")) {
      sign = t.substring(0, 1);
      t = t.substring(1);
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return sign.equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan") && sign.isEmpty()) {
      return Double.NaN;
    }
    if (t.indexOf('_') >= 0) {
      if (!underscoreOk(t)) {
        throw syntax(s);
      }
      t = t.replace("_", "");
      lower = lower.replace("_", "");
    }
    double v;
    if (lower.startsWith("0x")) {
      String h = lower;
      if (!h.matches("0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)p[+-]?[0-9]+")) {
        throw syntax(s);
      }
      v = Double.parseDouble(sign + h);
    } else {
      String d = t;
      if (!d.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
        throw syntax(s);
      }
      v = Double.parseDouble(sign + d);
    }
    if (Double.isInfinite(v)) {
      throw new SyntaxException("strconv.ParseFloat: parsing " + GoFmt.quote(s) + ": value out of range");
    }
    // Underflow to zero is not an error in Go, so only overflow is reported.
    return v;
  }

  /** Go's {@code underscoreOK}: underscores only between digits or after a base prefix. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        hex = p == 'x';
        i = 2;
        saw = '0';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0)) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  private static SyntaxException syntax(String s) {
    return new SyntaxException("strconv.ParseFloat: parsing " + GoFmt.quote(s) + ": invalid syntax");
  }
}
