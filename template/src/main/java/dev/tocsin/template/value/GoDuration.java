package dev.tocsin.template.value;

/**
 * Go's {@code time.Duration}, printed as Go does ({@code 1h2m3.5s}, {@code 250ms}, {@code 0s}).
 *
 * @param nanos the length in nanoseconds
 * @param pointer whether this is {@code *time.Duration}
 */
public record GoDuration(long nanos, boolean pointer) implements GoStringer {
  @Override
  public String goType() {
    return pointer ? "*time.Duration" : "time.Duration";
  }

  @Override
  public String goString() {
    return format(nanos);
  }

  /** Go's {@code time.Duration.String()}. */
  public static String format(long d) {
    if (d == 0) {
      return "0s";
    }
    boolean neg = d < 0;
    // Work on the unsigned magnitude, as Go does, so that Long.MIN_VALUE is handled.
    long u = neg ? -d : d;
    StringBuilder sb = new StringBuilder();
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      int prec;
      String unit;
      if (u < 1000) {
        return (neg ? "-" : "") + u + "ns";
      } else if (u < 1_000_000) {
        prec = 3;
        unit = "µs";
      } else {
        prec = 6;
        unit = "ms";
      }
      sb.append(fraction(u, prec)).append(unit);
    } else {
      String secs = fraction(u, 9);
      long total = Long.divideUnsigned(u, 1_000_000_000L);
      long s = total % 60;
      long m = (total / 60) % 60;
      long h = total / 3600;
      String secPart = secs.contains(".") ? (s + secs.substring(secs.indexOf('.'))) : Long.toString(s);
      if (h > 0) {
        sb.append(h).append('h').append(m).append('m');
      } else if (m > 0) {
        sb.append(m).append('m');
      }
      sb.append(secPart).append('s');
    }
    return (neg ? "-" : "") + sb;
  }

  // v / 10^prec with trailing zeros of the fraction dropped.
  private static String fraction(long v, int prec) {
    long pow = 1;
    for (int i = 0; i < prec; i++) {
      pow *= 10;
    }
    long whole = Long.divideUnsigned(v, pow);
    long frac = Long.remainderUnsigned(v, pow);
    if (frac == 0) {
      return Long.toUnsignedString(whole);
    }
    String f = String.format("%0" + prec + "d", frac);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return Long.toUnsignedString(whole) + "." + f.substring(0, end);
  }
}
