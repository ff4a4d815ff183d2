package dev.tocsin.logql.pipeline;

/**
 * Loki's sanitizing of extracted keys into label names ({@code log/util.go}): trim spaces, every
 * character other than an ASCII letter, digit or underscore becomes {@code _}, and a leading digit
 * gets a {@code _} prefix. An empty result means the key is ignored.
 */
public final class LabelNameSanitizer {
  private LabelNameSanitizer() {}

  /** The label name for an extracted key, or the empty string when the key must be ignored. */
  public static String sanitize(String key) {
    String k = key.strip();
    if (k.isEmpty()) {
      return "";
    }
    boolean clean = true;
    for (int i = 0; i < k.length(); i++) {
      if (!wordChar(k.charAt(i))) {
        clean = false;
        break;
      }
    }
    if (clean && !isDigit(k.charAt(0))) {
      return k;
    }
    StringBuilder b = new StringBuilder(k.length() + 1);
    if (isDigit(k.charAt(0))) {
      b.append('_');
    }
    for (int i = 0; i < k.length(); ) {
      int cp = k.codePointAt(i);
      b.append(cp < 128 && wordChar((char) cp) ? (char) cp : '_');
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
