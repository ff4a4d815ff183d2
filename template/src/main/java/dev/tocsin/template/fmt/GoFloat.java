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
      digs = shortestDigits(a);
      switch (fmt) {
        case 'e', 'E' -> prec = Math.max(digs.d.length() - 1, 0);
        case 'f' -> prec = Math.max(digs.d.length() - digs.dp, 0);
        default -> prec = digs.d.length();
      }
    } else {
      switch (fmt) {
        case 'e', 'E' -> digs = roundSignificant(a, prec + 1);
        case 'f' -> digs = roundFixed(a, prec);
        default -> {
          if (prec == 0) {
            prec = 1;
          }
          digs = roundSignificant(a, prec);
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

  private static Digits roundSignificant(double a, int n) {
    if (a == 0) {
      return new Digits("", 0);
    }
    return fromBigDecimal(new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN)));
  }

  private static Digits roundFixed(double a, int prec) {
    if (a == 0) {
      return new Digits("", 0);
    }
    return fromBigDecimal(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN));
  }

  /** The shortest digits that read back as {@code a}, closest to {@code a} among those. */
  private static Digits shortestDigits(double a) {
    if (a == 0) {
      return new Digits("", 0);
    }
    if (a < 1e15 && a == Math.rint(a)) {
      String u = Long.toString((long) a);
      int end = u.length();
      while (end > 1 && u.charAt(end - 1) == '0') {
        end--;
      }
      return new Digits(u.substring(0, end), u.length());
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
