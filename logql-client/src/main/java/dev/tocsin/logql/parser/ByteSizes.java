package dev.tocsin.logql.parser;

import java.util.Locale;
import java.util.Map;

/** Byte sizes as Loki reads them (go-humanize's ParseBytes): {@code 20MB}, {@code 1.5KiB}, {@code 5k}. */
final class ByteSizes {
  private static final Map<String, Double> UNITS =
      Map.ofEntries(
          Map.entry("b", 1d),
          Map.entry("", 1d),
          Map.entry("kib", 0x1p10),
          Map.entry("ki", 0x1p10),
          Map.entry("kb", 1e3),
          Map.entry("k", 1e3),
          Map.entry("mib", 0x1p20),
          Map.entry("mi", 0x1p20),
          Map.entry("mb", 1e6),
          Map.entry("m", 1e6),
          Map.entry("gib", 0x1p30),
          Map.entry("gi", 0x1p30),
          Map.entry("gb", 1e9),
          Map.entry("g", 1e9),
          Map.entry("tib", 0x1p40),
          Map.entry("ti", 0x1p40),
          Map.entry("tb", 1e12),
          Map.entry("t", 1e12),
          Map.entry("pib", 0x1p50),
          Map.entry("pi", 0x1p50),
          Map.entry("pb", 1e15),
          Map.entry("p", 1e15),
          Map.entry("eib", 0x1p60),
          Map.entry("ei", 0x1p60),
          Map.entry("eb", 1e18),
          Map.entry("e", 1e18));

  private ByteSizes() {}

  /** The size in bytes (an unsigned value in a long), or null when the text is not a size. */
  static Long parse(String s) {
    int last = 0;
    while (last < s.length()) {
      char c = s.charAt(last);
      if (!(Character.isDigit(c) || c == '.' || c == ',')) {
        break;
      }
      last++;
    }
    String num = s.substring(0, last).replace(",", "");
    double f;
    try {
      f = GoFloats.parse(num);
    } catch (IllegalArgumentException e) {
      return null;
    }
    Double m = UNITS.get(s.substring(last).strip().toLowerCase(Locale.ROOT));
    if (m == null) {
      return null;
    }
    f *= m;
    if (f >= 0x1p64) {
      return null;
    }
    return f >= 0x1p63 ? (long) (f - 0x1p63) + Long.MIN_VALUE : (long) f;
  }

  /** Formats a size so that {@link #parse} reads it back exactly. */
  static String format(long bytes) {
    return Long.toUnsignedString(bytes) + "B";
  }
}
