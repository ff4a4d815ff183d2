package dev.tocsin.template.fmt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for float64 with the formats {@code e E f g G}, shortest
 * (precision -1) and fixed precision, rounding the exact binary value half-to-even as Go does.
 */
public final class GoFloat {
  private GoFloat() {}

  /** Decimal digits (no leading or trailing zeros) and the decimal point position. */
  private record Digits(String d, int dp) {}

  /** {@code strconv.FormatFloat(v, fmt, prec, 64)}. */
  public static String format(double v, char fmt, int prec) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, v, fmt, prec);
    return sb.toString();
  }

  /** Appends {@code strconv.FormatFloat(v, fmt, prec, 64)}. */
  public static void append(StringBuilder sb, double v, char fmt, int prec) {
    append(sb, v, fmt, prec, true);
  }

  /** The same without the double-arithmetic fast paths, to check them against exact arithmetic. */
  static String formatExact(double v, char fmt, int prec) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, fmt, prec, false);
    return sb.toString();
  }

  private static void append(StringBuilder sb, double v, char fmt, int prec, boolean fast) {
    if (Double.isNaN(v)) {
      sb.append("NaN");
      return;
    }
    if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "+Inf" : "-Inf");
      return;
    }
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    double a = Math.abs(v);
    boolean shortest = prec < 0;
    Digits digs;
    if (shortest) {
      digs = shortestDigits(a, fast);
      switch (fmt) {
        case 'e', 'E' -> prec = Math.max(digs.d.length() - 1, 0);
        case 'f' -> prec = Math.max(digs.d.length() - digs.dp, 0);
        default -> prec = digs.d.length();
      }
    } else {
      switch (fmt) {
        case 'e', 'E' -> digs = roundSignificant(a, prec + 1, fast);
        case 'f' -> digs = roundFixed(a, prec, fast);
        default -> {
          if (prec == 0) {
            prec = 1;
          }
          digs = roundSignificant(a, prec, fast);
        }
      }
    }
    if (neg) {
      sb.append('-');
    }
    switch (fmt) {
      case 'e', 'E' -> fmtE(sb, digs, prec, fmt);
      case 'f' -> fmtF(sb, digs, prec);
      default -> {
        int eprec = prec;
        int nd = digs.d.length();
        if (eprec > nd && nd >= digs.dp) {
          eprec = nd;
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = digs.dp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > nd) {
            prec = nd;
          }
          fmtE(sb, digs, prec - 1, fmt == 'G' ? 'E' : 'e');
        } else {
          if (prec > digs.dp) {
            prec = nd;
          }
          fmtF(sb, digs, Math.max(prec - digs.dp, 0));
        }
      }
    }
  }

  /** Go's {@code %x} / {@code %X} of a float64 with shortest precision: {@code 0x1.8p+00}. */
  static void appendHex(StringBuilder sb, double v, boolean upper) {
    if (Double.isNaN(v)) {
      sb.append("NaN");
      return;
    }
    if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "+Inf" : "-Inf");
      return;
    }
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int exp = (int) ((bits >>> 52) & 0x7ff);
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp -= 1023;
    if (mant == 0) {
      exp = 0;
    }
    mant <<= 8;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    String hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (neg) {
      sb.append('-');
    }
    sb.append('0').append(upper ? 'X' : 'x').append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (mant != 0) {
      sb.append('.');
      while (mant != 0) {
        sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    sb.append(upper ? 'P' : 'p');
    if (exp < 0) {
      sb.append('-');
      exp = -exp;
    } else {
      sb.append('+');
    }
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
  }

  private static void fmtE(StringBuilder sb, Digits digs, int prec, char fmt) {
    String d = digs.d;
    sb.append(d.isEmpty() ? '0' : d.charAt(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(i < d.length() ? d.charAt(i) : '0');
      }
    }
    sb.append(fmt);
    int exp = d.isEmpty() ? 0 : digs.dp - 1;
    if (exp < 0) {
      sb.append('-');
      exp = -exp;
    } else {
      sb.append('+');
    }
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
  }

  private static void fmtF(StringBuilder sb, Digits digs, int prec) {
    String d = digs.d;
    if (digs.dp > 0) {
      int m = Math.min(d.length(), digs.dp);
      sb.append(d, 0, m);
      for (int i = m; i < digs.dp; i++) {
        sb.append('0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int j = digs.dp + i;
        sb.append(j >= 0 && j < d.length() ? d.charAt(j) : '0');
      }
    }
  }

  private static Digits fromBigDecimal(BigDecimal bd) {
    if (bd.signum() == 0) {
      return new Digits("", 0);
    }
    BigDecimal s = bd.stripTrailingZeros();
    String u = s.unscaledValue().toString();
    // value = u * 10^-scale, so the decimal point sits at len(u) - scale.
    return new Digits(u, u.length() - s.scale());
  }

  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  // The fast paths scale by an exact power of ten in double arithmetic; the result is off by at
  // most ~1e-8, so unless it lies within 1e-6 of a rounding tie, rounding it rounds the exact value.
  private static final double TIE_MARGIN = 1e-6;

  private static Digits fromLong(long digits, int dp) {
    if (digits == 0) {
      return new Digits("", 0);
    }
    String d = Long.toString(digits);
    int end = d.length();
    while (end > 1 && d.charAt(end - 1) == '0') {
      end--;
    }
    return new Digits(d.substring(0, end), dp);
  }

  private static Digits fastSignificant(double a, int n) {
    if (n > 8 || a < 1e-280 || a > 1e280) {
      return null;
    }
    int e = (int) Math.floor(Math.log10(a));
    for (int attempt = 0; attempt < 2; attempt++) {
      int k = e - n + 1;
      if (Math.abs(k) > 22) {
        return null;
      }
      double x = k >= 0 ? a / POW10[k] : a * POW10[-k];
      if (x < POW10[n - 1]) {
        e--;
        continue;
      }
      if (x >= POW10[n]) {
        e++;
        continue;
      }
      double fl = Math.floor(x);
      double frac = x - fl;
      if (Math.abs(frac - 0.5) <= TIE_MARGIN) {
        return null;
      }
      long digits = (long) fl + (frac > 0.5 ? 1 : 0);
      int dp = e + 1;
      if (digits == (long) POW10[n]) {
        digits = (long) POW10[n - 1];
        dp++;
      }
      return fromLong(digits, dp);
    }
    return null;
  }

  private static Digits fastFixed(double a, int prec) {
    if (prec > 22 || a >= 1e8 / POW10[Math.min(prec, 8)]) {
      return null;
    }
    double x = a * POW10[prec];
    double fl = Math.floor(x);
    double frac = x - fl;
    if (Math.abs(frac - 0.5) <= TIE_MARGIN) {
      return null;
    }
    long digits = (long) fl + (frac > 0.5 ? 1 : 0);
    if (digits == 0) {
      return new Digits("", 0);
    }
    return fromLong(digits, Long.toString(digits).length() - prec);
  }

  private static Digits roundSignificant(double a, int n, boolean tryFast) {
    if (a == 0) {
      return new Digits("", 0);
    }
    Digits fast = tryFast ? fastSignificant(a, n) : null;
    if (fast != null) {
      return fast;
    }
    return fromBigDecimal(new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN)));
  }

  private static Digits roundFixed(double a, int prec, boolean tryFast) {
    if (a == 0) {
      return new Digits("", 0);
    }
    Digits fast = tryFast ? fastFixed(a, prec) : null;
    if (fast != null) {
      return fast;
    }
    return fromBigDecimal(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN));
  }

  private static Digits javaDigits(double a) {
    String s = Double.toString(a);
    int exp = 0;
    int ei = s.indexOf('E');
    if (ei >= 0) {
      exp = Integer.parseInt(s.substring(ei + 1));
      s = s.substring(0, ei);
    }
    int dot = s.indexOf('.');
    String intPart = dot >= 0 ? s.substring(0, dot) : s;
    String fracPart = dot >= 0 ? s.substring(dot + 1) : "";
    String all = intPart + fracPart;
    int dp = intPart.length() + exp;
    int start = 0;
    while (start < all.length() - 1 && all.charAt(start) == '0') {
      start++;
      dp--;
    }
    int end = all.length();
    while (end > start + 1 && all.charAt(end - 1) == '0') {
      end--;
    }
    return new Digits(all.substring(start, end), dp);
  }

  /** The shortest digits that read back as {@code a}, closest to {@code a} among those. */
  private static Digits shortestDigits(double a, boolean tryFast) {
    if (a == 0) {
      return new Digits("", 0);
    }
    if (tryFast && a < 1e15 && a == Math.rint(a)) {
      String u = Long.toString((long) a);
      int end = u.length();
      while (end > 1 && u.charAt(end - 1) == '0') {
        end--;
      }
      return new Digits(u.substring(0, end), u.length());
    }
    if (tryFast && a >= Double.MIN_NORMAL) {
      Digits java = javaDigits(a);
      // A round-tripping form of at most 15 digits is the shortest (see below), and Java's
      // Double.toString always round-trips; it only sometimes over-generates digits.
      if (java.d.length() <= 15) {
        return java;
      }
    }
    BigDecimal exact = new BigDecimal(a);
    if (a < Double.MIN_NORMAL) {
      // Subnormals have fewer significant bits, so shorter forms may exist below 15 digits.
      for (int n = 1; n <= 17; n++) {
        BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
        if (r.doubleValue() == a) {
          return fromBigDecimal(r);
        }
      }
    }
    // A 15-digit rounding of a double that has a shorter round-tripping form reproduces that form
    // (after trailing zeros are dropped), so trying 15, 16 and 17 digits finds the shortest.
    for (int n = 15; n <= 17; n++) {
      BigDecimal r = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == a) {
        return fromBigDecimal(r);
      }
    }
    return fromBigDecimal(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }
}
