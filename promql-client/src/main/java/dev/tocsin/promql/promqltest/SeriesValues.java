package dev.tocsin.promql.promqltest;

import dev.tocsin.promql.engine.StaleNaN;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus' expanding notation for series values: {@code 1 2 3}, {@code _} (no sample),
 * {@code _x3} (three missing), {@code 5x3} (four times 5), {@code 1+2x3} ({@code 1 3 5 7}),
 * {@code 10-1x2}, {@code stale}, {@code Inf}, {@code NaN}. A missing sample is {@code null}.
 */
final class SeriesValues {
  private static final String NUMBER =
      "(?:[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|0[xX][0-9a-fA-F]+|[Ii]nf|NaN|nan))";
  private static final Pattern ITEM =
      Pattern.compile("^(" + NUMBER + "|stale)(?:([+-](?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[Ii]nf))?x([0-9]+))?$");
  private static final Pattern BLANK = Pattern.compile("^_(?:x([0-9]+))?$");

  private SeriesValues() {}

  /** Expands the values; {@code null} entries are missing samples. */
  static List<Double> parse(String text) {
    List<Double> out = new ArrayList<>();
    for (String token : text.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      Matcher b = BLANK.matcher(token);
      if (b.matches()) {
        int times = b.group(1) == null ? 1 : Integer.parseInt(b.group(1));
        for (int i = 0; i < times; i++) {
          out.add(null);
        }
        continue;
      }
      Matcher m = ITEM.matcher(token);
      if (!m.matches()) {
        throw new IllegalArgumentException("invalid series value " + token);
      }
      double value = number(m.group(1));
      if (m.group(3) == null) {
        out.add(value);
        continue;
      }
      int times = Integer.parseInt(m.group(3));
      double delta = m.group(2) == null ? 0 : number(m.group(2));
      // n+1 values, accumulated by repeated addition as Prometheus' parser does.
      for (int i = 0; i <= times; i++) {
        out.add(value);
        value += delta;
      }
    }
    return out;
  }

  static double number(String s) {
    if (s.equals("stale")) {
      return StaleNaN.VALUE;
    }
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean neg = s.startsWith("-");
    if (u.equalsIgnoreCase("inf")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (u.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (u.startsWith("0x") || u.startsWith("0X")) {
      double v = Long.parseLong(u.substring(2), 16);
      return neg ? -v : v;
    }
    return Double.parseDouble(s);
  }
}
