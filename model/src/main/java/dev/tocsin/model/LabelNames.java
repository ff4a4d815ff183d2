package dev.tocsin.model;

/**
 * Validity rules for metric and label names: Prometheus' legacy character sets and the UTF-8
 * scheme that Prometheus 3.x uses by default.
 */
public final class LabelNames {
  private LabelNames() {}

  /** Whether a name matches {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  public static boolean isLegacyLabelName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether a name matches {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
  public static boolean isLegacyMetricName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether a label name is valid under UTF-8 validation: non-empty and well-formed UTF-16. */
  public static boolean isValidLabelName(String s) {
    return !s.isEmpty() && isWellFormed(s);
  }

  /** Whether a metric name is valid under UTF-8 validation. */
  public static boolean isValidMetricName(String s) {
    return !s.isEmpty() && isWellFormed(s);
  }

  /** Whether a string has no lone surrogates, i.e. encodes to valid UTF-8. */
  public static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
