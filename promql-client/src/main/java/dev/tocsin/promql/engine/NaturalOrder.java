package dev.tocsin.promql.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The natural string order sort_by_label uses (facette/natsort in Prometheus): runs of digits
 * compare as numbers, other runs as strings.
 */
final class NaturalOrder {
  private NaturalOrder() {}

  /** Whether a sorts before b. */
  static boolean less(String a, String b) {
    List<String> ca = chunks(a);
    List<String> cb = chunks(b);
    for (int i = 0; i < ca.size(); i++) {
      if (i >= cb.size()) {
        return false;
      }
      String x = ca.get(i);
      String y = cb.get(i);
      Long xi = asInt(x);
      Long yi = asInt(y);
      if (xi != null && yi != null) {
        if (xi.longValue() == yi.longValue()) {
          if (i == ca.size() - 1) {
            return true;
          } else if (i == cb.size() - 1) {
            return false;
          }
          continue;
        }
        return xi < yi;
      }
      if (x.equals(y)) {
        if (i == ca.size() - 1) {
          return true;
        } else if (i == cb.size() - 1) {
          return false;
        }
        continue;
      }
      return x.compareTo(y) < 0;
    }
    return false;
  }

  private static Long asInt(String s) {
    if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> chunks(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int j = i;
      boolean digit = isDigit(s.charAt(i));
      while (j < s.length() && isDigit(s.charAt(j)) == digit) {
        j++;
      }
      out.add(s.substring(i, j));
      i = j;
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
