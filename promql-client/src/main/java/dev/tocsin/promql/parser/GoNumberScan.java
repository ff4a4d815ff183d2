package dev.tocsin.promql.parser;

/**
 * How far Prometheus' lexer reads a malformed number or duration before giving up, which is the
 * text it quotes in {@code bad number or duration syntax: "…"}.
 */
final class GoNumberScan {
  private static final String DEC = "0123456789";
  private static final String HEX = "0123456789abcdefABCDEF";

  private GoNumberScan() {}

  /** The prefix of {@code s} (a token starting with a digit or '.') that the lexer consumed. */
  static String consumed(String s) {
    int[] pos = {0};
    scanNumber(s, pos);
    scanDurationRest(s, pos);
    return s.substring(0, Math.min(pos[0], s.length()));
  }

  private static boolean accept(String s, int[] pos, String valid) {
    if (pos[0] < s.length() && valid.indexOf(s.charAt(pos[0])) >= 0) {
      pos[0]++;
      return true;
    }
    return false;
  }

  private static boolean is(String s, int[] pos, String valid) {
    return pos[0] < s.length() && valid.indexOf(s.charAt(pos[0])) >= 0;
  }

  /** The number scan; stops where the lexer stops, consuming a rejected character as it does. */
  private static void scanNumber(String s, int[] pos) {
    String digits = DEC;
    if (s.startsWith("0x") || s.startsWith("0X")) {
      pos[0] = 2;
      accept(s, pos, "_");
      digits = HEX;
    }
    accept(s, pos, ".");
    accept(s, pos, digits);
    boolean dot = false;
    boolean exponent = false;
    while (is(s, pos, digits + "._eE")) {
      if (is(s, pos, ".") && dot) {
        pos[0]++;
        return;
      }
      if (is(s, pos, "eE") && exponent && digits == DEC) {
        pos[0]++;
        return;
      }
      if (accept(s, pos, ".")) {
        dot = true;
        if (accept(s, pos, "_.") || digits == HEX) {
          return;
        }
        continue;
      }
      if (digits == DEC && accept(s, pos, "eE")) {
        exponent = true;
        accept(s, pos, "+-");
        if (accept(s, pos, "._eE") || pos[0] >= s.length()) {
          return;
        }
        continue;
      }
      if (accept(s, pos, "_")) {
        if (accept(s, pos, "._eE") || pos[0] >= s.length()) {
          return;
        }
        continue;
      }
      while (accept(s, pos, digits)) {
        // consume the run
      }
    }
  }

  private static void scanDurationRest(String s, int[] pos) {
    if (!accept(s, pos, "smhdwy")) {
      return;
    }
    accept(s, pos, "s");
    while (accept(s, pos, DEC)) {
      while (accept(s, pos, DEC)) {
        // consume the run
      }
      if (!accept(s, pos, "smhdw")) {
        return;
      }
      accept(s, pos, "s");
    }
    // The lexer reads one more character to see that it is not alphanumeric.
    if (pos[0] < s.length()) {
      pos[0]++;
    }
  }
}
