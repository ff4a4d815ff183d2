package dev.tocsin.logql.logqltest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * promqltest's expanding notation for expected values: {@code 1 2 3}, {@code _} (no point),
 * {@code _x3}, {@code 4x3} ({@code 4 4 4 4}), {@code 2+3x2} ({@code 2 5 8}), {@code 10-1x2},
 * {@code NaN}, {@code Inf}. A missing point is {@code null}.
 */
final class ExpectedValues {
  private static final String NUM = "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|0[xX][0-9a-fA-F.]+(?:[pP][+-]?\\d+)?|[Ii]nf|NaN|nan)";
  private static final Pattern ITEM = Pattern.compile("^(" + NUM + ")(?:([+-](?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)?x(\\d+))?$");
  private static final Pattern BLANK = Pattern.compile("^_(?:x(\\d+))?$");

  private ExpectedValues() {}

  static List<Double> parse(String text) {
    List<Double> out = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      Matcher b = BLANK.matcher(token);
      if (b.matches()) {
        int n = b.group(1) == null ? 1 : Integer.parseInt(b.group(1));
        for (int i = 0; i < n; i++) {
          out.add(null);
        }
        continue;
      }
      Matcher m = ITEM.matcher(token);
      if (!m.matches()) {
        throw new ScriptSyntaxException("invalid value " + token);
      }
      double v = number(m.group(1));
      if (m.group(3) == null) {
        out.add(v);
        continue;
      }
      int times = Integer.parseInt(m.group(3));
      double delta = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
      for (int i = 0; i <= times; i++) {
        out.add(v);
        v += delta;
      }
    }
    return out;
  }

  static double number(String s) {
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean neg = s.startsWith("-");
    if (u.equalsIgnoreCase("inf")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (u.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (u.startsWith("0x") || u.startsWith("0X")) {
      String hex = u.contains("p") || u.contains("P") ? u : u + "p0";
      double v = Double.parseDouble(hex);
      return neg ? -v : v;
    }
    return Double.parseDouble(s);
  }

  /** Prometheus' test comparison ({@code util/almost.Equal}, ε = 1e-6); NaN equals NaN. */
  static boolean almostEqual(double a, double b) {
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double absSum = Math.abs(a) + Math.abs(b);
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
      return diff < 1e-6 * Double.MIN_NORMAL;
    }
    return diff / Math.min(absSum, Double.MAX_VALUE) < 1e-6;
  }
}
