package dev.tocsin.template.fmt;

import java.util.Locale;
import java.util.Map;

/**
 * go-humanize's {@code ParseBytes}, which Loki uses for byte sizes in label filters, the
 * {@code bytes} conversion and the {@code bytes} template function: a number (commas allowed)
 * and an optional unit, SI ({@code kB}, {@code MB}) or IEC ({@code KiB}, {@code MiB}), case
 * insensitive.
 */
public final class GoHumanize {
  private static final Map<String, Double> UNITS = Map.ofEntries(
      Map.entry("", 1d), Map.entry("b", 1d),
      Map.entry("k", 1e3), Map.entry("kb", 1e3), Map.entry("ki", 0x1p10), Map.entry("kib", 0x1p10),
      Map.entry("m", 1e6), Map.entry("mb", 1e6), Map.entry("mi", 0x1p20), Map.entry("mib", 0x1p20),
      Map.entry("g", 1e9), Map.entry("gb", 1e9), Map.entry("gi", 0x1p30), Map.entry("gib", 0x1p30),
      Map.entry("t", 1e12), Map.entry("tb", 1e12), Map.entry("ti", 0x1p40), Map.entry("tib", 0x1p40),
      Map.entry("p", 1e15), Map.entry("pb", 1e15), Map.entry("pi", 0x1p50), Map.entry("pib", 0x1p50),
      Map.entry("e", 1e18), Map.entry("eb", 1e18), Map.entry("ei", 0x1p60), Map.entry("eib", 0x1p60));

  /** A text that is not a byte size; the message is go-humanize's. */
  public static final class ByteSizeException extends Exception {
    private static final long serialVersionUID = 1L;

    ByteSizeException(String message) {
      super(message, null, false, false);
    }
  }

  private GoHumanize() {}

  /**
   * The size in bytes, below 2⁶⁴, before go-humanize converts it to an unsigned integer (callers
   * truncate as they need).
   *
   * @throws ByteSizeException for a bad number ({@code strconv.ParseFloat}'s message), an unknown
   *     unit ({@code unhandled size name: x}) or a size of 2⁶⁴ bytes or more ({@code too large: s})
   */
  public static double parseBytes(String s) throws ByteSizeException {
    int last = 0;
    while (last < s.length()) {
      char c = s.charAt(last);
      if (!(Character.isDigit(c) || c == '.' || c == ',')) {
        break;
      }
      last++;
    }
    double f;
    try {
      f = GoStrconv.parseFloat(s.substring(0, last).replace(",", ""));
    } catch (GoStrconv.SyntaxException e) {
      throw new ByteSizeException(e.getMessage());
    }
    String unit = s.substring(last).strip().toLowerCase(Locale.ROOT);
    Double m = UNITS.get(unit);
    if (m == null) {
      throw new ByteSizeException("unhandled size name: " + unit);
    }
    double r = f * m;
    if (r >= 0x1p64) {
      throw new ByteSizeException("too large: " + s);
    }
    return r;
  }
}
