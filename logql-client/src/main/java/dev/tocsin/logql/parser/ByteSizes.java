package dev.tocsin.logql.parser;

import dev.tocsin.template.fmt.GoHumanize;

/** Byte sizes as Loki reads them (go-humanize's ParseBytes): {@code 20MB}, {@code 1.5KiB}, {@code 5k}. */
final class ByteSizes {
  private ByteSizes() {}

  /** The size in bytes (an unsigned value in a long), or null when the text is not a size. */
  static Long parse(String s) {
    double f;
    try {
      f = GoHumanize.parseBytes(s);
    } catch (GoHumanize.ByteSizeException e) {
      return null;
    }
    return f >= 0x1p63 ? (long) (f - 0x1p63) + Long.MIN_VALUE : (long) f;
  }

  /** Formats a size so that {@link #parse} reads it back exactly. */
  static String format(long bytes) {
    return Long.toUnsignedString(bytes) + "B";
  }
}
