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
public final class SeriesValues {
  private static final String NUMBER =
      "(?:[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|0[xX][0-9a-fA-F]+|[Ii]nf|NaN|nan))";
  private static final Pattern ITEM =
      Pattern.compile("^(" + NUMBER + "|stale)(?:([+-](?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[Ii]nf))?x([0-9]+))?$");
  private static final Pattern BLANK = Pattern.compile("^_(?:x([0-9]+))?$");

  private static final Pattern HISTOGRAM_TIMES = Pattern.compile("^x([0-9]+)");

  /** A native histogram sample ({@code {{…}}}), which is loaded as a placeholder. */
  public static final Double HISTOGRAM = Double.valueOf(Double.longBitsToDouble(0x7ff0000000000003L));

  private SeriesValues() {}

  /**
   * Expands the values; {@code null} entries are missing samples and {@link #HISTOGRAM} entries
   * native histogram samples ({@code {{…}}}, {@code {{…}}x3}, {@code {{…}}+{{…}}x3}).
   */
  public static List<Double> parse(String text) {
    List<Double> out = new ArrayList<>();
    String rest = text.trim();
    while (!rest.isEmpty()) {
      if (rest.startsWith("{{")) {
        int end = closing(rest, 0);
        int count = 1;
        String after = rest.substring(end);
        if (after.startsWith("+{{") || after.startsWith("-{{")) {
          end = closing(rest, end + 1);
          after = rest.substring(end);
        }
        Matcher times = HISTOGRAM_TIMES.matcher(after);
        if (times.find()) {
          count = Integer.parseInt(times.group(1)) + 1;
          end += times.end();
        }
        for (int i = 0; i < count; i++) {
          out.add(HISTOGRAM);
        }
        rest = rest.substring(end).trim();
        continue;
      }
      int space = rest.indexOf(' ');
      int tab = rest.indexOf('\t');
      int cut = space < 0 ? tab : (tab < 0 ? space : Math.min(space, tab));
      String token = cut < 0 ? rest : rest.substring(0, cut);
      rest = cut < 0 ? "" : rest.substring(cut).trim();
      parseToken(token, out);
    }
    return out;
  }

  private static int closing(String s, int from) {
    int end = s.indexOf("}}", from);
    if (end < 0) {
      throw new IllegalArgumentException("unterminated histogram in " + s);
    }
    return end + 2;
  }

  private static void parseToken(String token, List<Double> out) {
    {
      if (token.isEmpty()) {
        return;
      }
      Matcher b = BLANK.matcher(token);
      if (b.matches()) {
        int times = b.group(1) == null ? 1 : Integer.parseInt(b.group(1));
        for (int i = 0; i < times; i++) {
          out.add(null);
        }
        return;
      }
      Matcher m = ITEM.matcher(token);
      if (!m.matches()) {
        throw new IllegalArgumentException("invalid series value " + token);
      }
      double value = number(m.group(1));
      if (m.group(3) == null) {
        out.add(value);
        return;
      }
      int times = Integer.parseInt(m.group(3));
      double delta = m.group(2) == null ? 0 : number(m.group(2));
      // n+1 values, accumulated by repeated addition as Prometheus' parser does.
      for (int i = 0; i <= times; i++) {
        out.add(value);
        value += delta;
      }
    }
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
