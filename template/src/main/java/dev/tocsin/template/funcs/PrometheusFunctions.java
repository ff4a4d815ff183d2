package dev.tocsin.template.funcs;

import dev.tocsin.model.PromDuration;
import dev.tocsin.template.FunctionException;
import dev.tocsin.template.FunctionSet;
import dev.tocsin.template.GoFunction;
import dev.tocsin.template.GoType;
import dev.tocsin.template.QueryFunction;
import dev.tocsin.template.QuerySample;
import dev.tocsin.template.fmt.GoEscape;
import dev.tocsin.template.fmt.GoFloat;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.fmt.GoStrconv;
import dev.tocsin.template.value.GoDuration;
import dev.tocsin.template.value.GoHtml;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoTime;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions of Prometheus' alert and console templates ({@code template/template.go}), with
 * their exact output formats: {@code humanize} uses {@code %.4g} and SI prefixes, {@code
 * humanizeDuration} prints {@code 1d 1h 1m 1s}, and so on.
 */
public final class PrometheusFunctions {
  private PrometheusFunctions() {}

  /** Go type name of query results. */
  static final String QUERY_RESULT = "template.queryResult";

  private static final String NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference";

  static final GoType QUERY_RESULT_TYPE =
      GoType.of(QUERY_RESULT, v -> v instanceof GoSlice s && s.goType().equals(QUERY_RESULT), true);
  static final GoType SAMPLE_TYPE = GoType.of(PromSample.TYPE, v -> v instanceof PromSample, true);

  /**
   * What the functions need from the rule evaluation.
   *
   * @param query runs {@code query "expr"}; null makes {@code query} fail
   * @param time the evaluation time, used by {@code query} and {@code now}
   * @param externalURL the {@code --web.external-url}; null makes {@code externalURL} and {@code
   *     pathPrefix} fail as in promtool, where the URL is nil
   */
  public record Context(QueryFunction query, Instant time, String externalURL) {}

  /** The full Prometheus function set for the context. */
  public static FunctionSet create(Context ctx) {
    return FunctionSet.of(functions(ctx));
  }

  /** The function set with no query engine, clock or URL, as used for parse-only checks. */
  public static FunctionSet forParsing() {
    return create(new Context(null, Instant.EPOCH, null));
  }

  static List<GoFunction> functions(Context ctx) {
    GoType s = GoType.STRING;
    GoType a = GoType.ANY;
    List<GoFunction> f = new ArrayList<>();
    f.add(GoFunction.of("query", args -> query(ctx, (String) args.get(0)), s));
    f.add(GoFunction.of("first", args -> {
      GoSlice v = (GoSlice) args.get(0);
      if (v != null && v.size() > 0) {
        return v.items().get(0);
      }
      throw new FunctionException("first() called on vector with no elements");
    }, QUERY_RESULT_TYPE));
    f.add(GoFunction.of("label", args -> {
      PromSample smp = sample(args.get(1));
      Object v = smp.labels().get((String) args.get(0));
      return v == null ? "" : v;
    }, s, SAMPLE_TYPE));
    f.add(GoFunction.of("value", args -> sample(args.get(0)).value(), SAMPLE_TYPE));
    f.add(GoFunction.of("strvalue", args -> {
      Object v = sample(args.get(0)).labels().get("__value__");
      return v == null ? "" : v;
    }, SAMPLE_TYPE));
    f.add(GoFunction.variadic("args", args -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < args.size(); i++) {
        m.put("arg" + i, args.get(i));
      }
      return GoMap.ofValues(m);
    }, a));
    f.add(GoFunction.of("reReplaceAll", args -> GoRegexp.replaceAll(
        GoRegexp.mustCompile((String) args.get(0)), (String) args.get(2), (String) args.get(1), false), s, s, s));
    f.add(GoFunction.of("safeHtml", args -> new GoHtml((String) args.get(0)), s));
    f.add(GoFunction.of("match", args -> GoRegexp.compile((String) args.get(0)).matcher((String) args.get(1)).find(), s, s));
    f.add(GoFunction.of("title", args -> title((String) args.get(0)), s));
    f.add(GoFunction.of("toUpper", args -> toUpper((String) args.get(0)), s));
    f.add(GoFunction.of("toLower", args -> toLower((String) args.get(0)), s));
    f.add(GoFunction.of("graphLink", args -> "/graph?g0.expr=" + GoEscape.query((String) args.get(0)) + "&g0.tab=0", s));
    f.add(GoFunction.of("tableLink", args -> "/graph?g0.expr=" + GoEscape.query((String) args.get(0)) + "&g0.tab=1", s));
    f.add(GoFunction.of("sortByLabel", args -> {
      GoSlice v = (GoSlice) args.get(1);
      if (v == null) {
        return null;
      }
      String label = (String) args.get(0);
      List<Object> items = new ArrayList<>(v.items());
      // List.sort is stable, as Go's sort.Stable.
      items.sort(Comparator.comparing(o -> labelOf(o, label)));
      return new GoSlice(QUERY_RESULT, items);
    }, s, QUERY_RESULT_TYPE));
    f.add(GoFunction.of("humanize", args -> humanize(toFloat(args.get(0))), a));
    f.add(GoFunction.of("humanize1024", args -> humanize1024(toFloat(args.get(0))), a));
    f.add(GoFunction.of("humanizeDuration", args -> humanizeDuration(toFloat(args.get(0))), a));
    f.add(GoFunction.of("humanizePercentage", args -> g4(toFloat(args.get(0)) * 100) + "%", a));
    f.add(GoFunction.of("humanizeTimestamp", args -> {
      double v = toFloat(args.get(0));
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        return g4(v);
      }
      return timeOf(v).goString();
    }, a));
    f.add(GoFunction.of("toTime", args -> {
      double v = toFloat(args.get(0));
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new FunctionException("value is NaN or Inf");
      }
      return timeOf(v);
    }, a));
    f.add(GoFunction.of("toDuration", args -> {
      double v = toFloat(args.get(0));
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new FunctionException("value is NaN or Inf");
      }
      return new GoDuration(toNanos(v), true);
    }, a));
    f.add(GoFunction.of("now", args -> ctx.time().toEpochMilli() / 1000.0));
    f.add(GoFunction.of("pathPrefix", args -> {
      if (ctx.externalURL() == null) {
        throw new FunctionException(NIL_DEREF);
      }
      try {
        String p = new URI(ctx.externalURL()).getPath();
        return p == null ? "" : p;
      } catch (URISyntaxException e) {
        return "";
      }
    }));
    f.add(GoFunction.of("externalURL", args -> {
      if (ctx.externalURL() == null) {
        throw new FunctionException(NIL_DEREF);
      }
      return ctx.externalURL();
    }));
    f.add(GoFunction.of("parseDuration", args -> {
      // Prometheus 3 accepts a leading minus (model.ParseDurationAllowNegative).
      String d = (String) args.get(0);
      boolean negative = d.startsWith("-");
      try {
        double seconds = PromDuration.parseMillis(negative ? d.substring(1) : d) / 1000.0;
        return negative ? -seconds : seconds;
      } catch (IllegalArgumentException e) {
        throw new FunctionException(e.getMessage());
      }
    }, s));
    f.add(GoFunction.of("stripPort", args -> {
      String hp = (String) args.get(0);
      String[] parts = GoNet.splitHostPort(hp);
      return parts == null ? hp : parts[0];
    }, s));
    f.add(GoFunction.of("stripDomain", args -> stripDomain((String) args.get(0)), s));
    f.add(GoFunction.of("urlQueryEscape", args -> GoEscape.query((String) args.get(0)), s));
    return f;
  }

  private static Object query(Context ctx, String expr) {
    if (ctx.query() == null) {
      throw new FunctionException(NIL_DEREF);
    }
    List<QuerySample> result;
    try {
      result = ctx.query().query(expr, ctx.time());
    } catch (FunctionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new FunctionException(String.valueOf(e.getMessage()));
    }
    List<Object> items = new ArrayList<>(result.size());
    for (QuerySample smp : result) {
      items.add(PromSample.of(smp));
    }
    return new GoSlice(QUERY_RESULT, items);
  }

  private static PromSample sample(Object o) {
    if (o == null) {
      throw new FunctionException(NIL_DEREF);
    }
    return (PromSample) o;
  }

  private static String labelOf(Object o, String label) {
    if (o instanceof PromSample p) {
      Object v = p.labels().get(label);
      return v == null ? "" : (String) v;
    }
    return "";
  }

  /** Prometheus' {@code convertToFloat}. */
  static double toFloat(Object i) {
    if (i instanceof Double d) {
      return d;
    } else if (i instanceof String s) {
      try {
        return GoStrconv.parseFloat(s);
      } catch (GoStrconv.SyntaxException e) {
        throw new FunctionException(e.getMessage());
      }
    } else if (i instanceof Long l) {
      return l;
    } else if (i instanceof GoDuration d && !d.pointer()) {
      return d.nanos() / 1e9;
    }
    throw new FunctionException("can't convert " + (i == null ? "<nil>" : GoFmt.typeName(i)) + " to float");
  }

  static String g4(double v) {
    return GoFloat.format(v, 'g', 4);
  }

  static String humanize(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    String prefix = "";
    if (Math.abs(v) >= 1) {
      for (String p : new String[] {"k", "M", "G", "T", "P", "E", "Z", "Y"}) {
        if (Math.abs(v) < 1000) {
          break;
        }
        prefix = p;
        v /= 1000;
      }
      return g4(v) + prefix;
    }
    for (String p : new String[] {"m", "u", "n", "p", "f", "a", "z", "y"}) {
      if (Math.abs(v) >= 1) {
        break;
      }
      prefix = p;
      v *= 1000;
    }
    return g4(v) + prefix;
  }

  static String humanize1024(double v) {
    if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    String prefix = "";
    for (String p : new String[] {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
      if (Math.abs(v) < 1024) {
        break;
      }
      prefix = p;
      v /= 1024;
    }
    return g4(v) + prefix;
  }

  static String humanizeDuration(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    if (v == 0) {
      return g4(v) + "s";
    }
    if (Math.abs(v) >= 1) {
      String sign = "";
      if (v < 0) {
        sign = "-";
        v = -v;
      }
      long duration = goInt64(v);
      long seconds = duration % 60;
      long minutes = (duration / 60) % 60;
      long hours = (duration / 60 / 60) % 24;
      long days = duration / 60 / 60 / 24;
      if (days != 0) {
        return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (hours != 0) {
        return sign + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (minutes != 0) {
        return sign + minutes + "m " + seconds + "s";
      }
      return sign + g4(v) + "s";
    }
    String prefix = "";
    for (String p : new String[] {"m", "u", "n", "p", "f", "a", "z", "y"}) {
      if (Math.abs(v) >= 1) {
        break;
      }
      prefix = p;
      v *= 1000;
    }
    return g4(v) + prefix + "s";
  }

  /** Go's float64 to int64 conversion on amd64: out-of-range values become MinInt64. */
  static long goInt64(double v) {
    if (Double.isNaN(v) || v >= 9.223372036854775807E18 || v < -9.223372036854775808E18) {
      return Long.MIN_VALUE;
    }
    return (long) v;
  }

  private static long toNanos(double v) {
    return goInt64(v * 1e9);
  }

  /** Prometheus' float-seconds to time: truncated to milliseconds by {@code model.TimeFromUnixNano}. */
  private static GoTime timeOf(double v) {
    double ts = v * 1e9;
    if (ts > 9.223372036854775807E18 || ts < -9.223372036854775808E18) {
      throw new FunctionException(GoFmt.sprint(List.of(v)) + " cannot be represented as a nanoseconds timestamp since it overflows int64");
    }
    long nanos = goInt64(ts);
    long millis = nanos / 1_000_000;
    return GoTime.ofUnixNanos(millis * 1_000_000, true);
  }

  /** Go's {@code strings.ToUpper}: rune by rune, without Java's multi-character special cases. */
  public static String toUpper(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      sb.appendCodePoint(Character.toUpperCase(c));
    }
    return sb.toString();
  }

  /** Go's {@code strings.ToLower}: rune by rune. */
  public static String toLower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      sb.appendCodePoint(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** Go's deprecated {@code strings.Title}: upper-cases the first letter of each word. */
  public static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (isSeparator(prev)) {
        sb.appendCodePoint(Character.toTitleCase(c));
      } else {
        sb.appendCodePoint(c);
      }
      prev = c;
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') {
        return false;
      }
      return true;
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }

  static String stripDomain(String hostPort) {
    String host;
    String port = "";
    String[] parts = GoNet.splitHostPort(hostPort);
    if (parts == null) {
      host = hostPort;
    } else {
      host = parts[0];
      port = parts[1];
    }
    if (GoNet.isIp(host)) {
      return hostPort;
    }
    int dot = host.indexOf('.');
    if (dot >= 0) {
      host = host.substring(0, dot);
    }
    if (!port.isEmpty()) {
      return GoNet.joinHostPort(host, port);
    }
    return host;
  }

}
