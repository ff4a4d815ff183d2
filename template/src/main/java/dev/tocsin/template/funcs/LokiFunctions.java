package dev.tocsin.template.funcs;

import dev.tocsin.template.FunctionException;
import dev.tocsin.template.FunctionSet;
import dev.tocsin.template.GoFunction;
import dev.tocsin.template.GoType;
import dev.tocsin.template.GoValues;
import dev.tocsin.template.fmt.GoEscape;
import dev.tocsin.template.fmt.GoFloat;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.fmt.GoHumanize;
import dev.tocsin.template.fmt.GoStrconv;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoTime;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions of Loki's {@code line_format} and {@code label_format} templates: Loki's own
 * ({@code ToLower}, {@code regexReplaceAll}, {@code alignLeft}, {@code __line__}, ...) and the fixed
 * subset of sprig Loki registers ({@code lower}, {@code trunc}, {@code add}, {@code date}, ...).
 * "Local" time is UTC, as on a Loki server running in UTC.
 */
public final class LokiFunctions {
  private LokiFunctions() {}

  /** The entry being formatted; Loki rebinds it for every line, so implementations may be mutable. */
  public interface Entry {
    /** The log line as it reaches the stage ({@code __line__}). */
    String line();

    /** The entry timestamp in Unix nanoseconds ({@code __timestamp__}). */
    long timestampNanos();
  }

  /** A fixed entry. */
  public record FixedEntry(String line, long timestampNanos) implements Entry {}

  /**
   * The entry a formatting stage is processing, updated before each line as Loki's formatters do;
   * one instance per stage and thread, so the function set is built once per stage.
   */
  public static final class CurrentEntry implements Entry {
    private String line = "";
    private long timestampNanos;

    /** Points the functions at the next line. */
    public void set(String line, long timestampNanos) {
      this.line = line;
      this.timestampNanos = timestampNanos;
    }

    @Override
    public String line() {
      return line;
    }

    @Override
    public long timestampNanos() {
      return timestampNanos;
    }
  }

  private static final ZoneId LOCAL = ZoneOffset.UTC;

  /** The function set bound to an entry source. */
  public static FunctionSet create(Entry entry) {
    return FunctionSet.of(functions(entry));
  }

  /** The function set for parsing only (the entry functions return empty values). */
  public static FunctionSet forParsing() {
    return create(new FixedEntry("", 0));
  }

  /** The data Loki gives templates: every current label by name, as {@code map[string]string}. */
  public static GoMap data(Map<String, String> labels) {
    return GoMap.ofStrings(labels);
  }

  static List<GoFunction> functions(Entry entry) {
    GoType s = GoType.STRING;
    GoType i = GoType.INT;
    GoType a = GoType.ANY;
    GoType f64 = GoType.FLOAT64;
    GoType time = GoType.of("time.Time", v -> v instanceof GoTime t && !t.pointer(), false);
    List<GoFunction> f = new ArrayList<>();
    // Loki's own functions.
    f.add(GoFunction.of("ToLower", x -> PrometheusFunctions.toLower(str(x, 0)), s));
    f.add(GoFunction.of("ToUpper", x -> PrometheusFunctions.toUpper(str(x, 0)), s));
    f.add(GoFunction.of("Replace", x -> replace(str(x, 0), str(x, 1), str(x, 2), (Long) x.get(3)), s, s, s, i));
    f.add(GoFunction.of("Trim", x -> trim(str(x, 0), str(x, 1), true, true), s, s));
    f.add(GoFunction.of("TrimLeft", x -> trim(str(x, 0), str(x, 1), true, false), s, s));
    f.add(GoFunction.of("TrimRight", x -> trim(str(x, 0), str(x, 1), false, true), s, s));
    f.add(GoFunction.of("TrimPrefix", x -> trimPrefix(str(x, 0), str(x, 1)), s, s));
    f.add(GoFunction.of("TrimSuffix", x -> trimSuffix(str(x, 0), str(x, 1)), s, s));
    f.add(GoFunction.of("TrimSpace", x -> trimSpace(str(x, 0)), s));
    f.add(GoFunction.of("regexReplaceAll",
        x -> GoRegexp.replaceAll(GoRegexp.compile(str(x, 0)), str(x, 1), str(x, 2), false), s, s, s));
    f.add(GoFunction.of("regexReplaceAllLiteral",
        x -> GoRegexp.replaceAll(GoRegexp.compile(str(x, 0)), str(x, 1), str(x, 2), true), s, s, s));
    f.add(GoFunction.of("count", x -> count(str(x, 0), str(x, 1)), s, s));
    f.add(GoFunction.of("urldecode", x -> queryUnescape(str(x, 0)), s));
    f.add(GoFunction.of("urlencode", x -> GoEscape.query(str(x, 0)), s));
    f.add(GoFunction.of("bytes", x -> parseBytes(str(x, 0)), s));
    f.add(GoFunction.of("duration", x -> parseGoDuration(str(x, 0)) / 1e9, s));
    f.add(GoFunction.of("duration_seconds", x -> parseGoDuration(str(x, 0)) / 1e9, s));
    f.add(GoFunction.of("unixEpochMillis", x -> Long.toString(((GoTime) x.get(0)).epochSecond() * 1000
        + ((GoTime) x.get(0)).nanos() / 1_000_000), time));
    f.add(GoFunction.of("unixEpochNanos", x -> Long.toString(((GoTime) x.get(0)).epochSecond() * 1_000_000_000L
        + ((GoTime) x.get(0)).nanos()), time));
    f.add(GoFunction.of("toDateInZone", x -> {
      ZoneId zone;
      try {
        zone = ZoneId.of(str(x, 1).isEmpty() ? "UTC" : str(x, 1));
      } catch (DateTimeException e) {
        zone = ZoneOffset.UTC;
      }
      return parseOrZero(str(x, 0), str(x, 2), zone);
    }, s, s, s));
    f.add(GoFunction.of("unixToTime", x -> unixToTime(str(x, 0)), s));
    f.add(GoFunction.of("alignLeft", x -> align((Long) x.get(0), str(x, 1), true), i, s));
    f.add(GoFunction.of("alignRight", x -> align((Long) x.get(0), str(x, 1), false), i, s));
    f.add(GoFunction.of("__line__", x -> entry.line()));
    f.add(GoFunction.of("__timestamp__", x -> local(GoTime.ofUnixNanos(entry.timestampNanos(), false))));
    // The sprig subset.
    f.add(GoFunction.of("b64enc", x -> Base64.getEncoder().encodeToString(str(x, 0).getBytes(StandardCharsets.UTF_8)), s));
    f.add(GoFunction.of("b64dec", x -> b64dec(str(x, 0)), s));
    f.add(GoFunction.of("lower", x -> PrometheusFunctions.toLower(str(x, 0)), s));
    f.add(GoFunction.of("upper", x -> PrometheusFunctions.toUpper(str(x, 0)), s));
    f.add(GoFunction.of("title", x -> PrometheusFunctions.title(str(x, 0)), s));
    f.add(GoFunction.of("trunc", x -> trunc((Long) x.get(0), str(x, 1)), i, s));
    f.add(GoFunction.of("substr", x -> substr((Long) x.get(0), (Long) x.get(1), str(x, 2)), i, i, s));
    f.add(GoFunction.of("contains", x -> str(x, 1).contains(str(x, 0)), s, s));
    f.add(GoFunction.of("hasPrefix", x -> str(x, 1).startsWith(str(x, 0)), s, s));
    f.add(GoFunction.of("hasSuffix", x -> str(x, 1).endsWith(str(x, 0)), s, s));
    f.add(GoFunction.of("indent", x -> indent((Long) x.get(0), str(x, 1)), i, s));
    f.add(GoFunction.of("nindent", x -> "\n" + indent((Long) x.get(0), str(x, 1)), i, s));
    f.add(GoFunction.of("replace", x -> replace(str(x, 2), str(x, 0), str(x, 1), -1), s, s, s));
    f.add(GoFunction.of("repeat", x -> repeat((Long) x.get(0), str(x, 1)), i, s));
    f.add(GoFunction.of("trim", x -> trimSpace(str(x, 0)), s));
    f.add(GoFunction.of("trimAll", x -> trim(str(x, 1), str(x, 0), true, true), s, s));
    f.add(GoFunction.of("trimSuffix", x -> trimSuffix(str(x, 1), str(x, 0)), s, s));
    f.add(GoFunction.of("trimPrefix", x -> trimPrefix(str(x, 1), str(x, 0)), s, s));
    f.add(GoFunction.of("int", x -> toInt64(x.get(0)), a));
    f.add(GoFunction.of("float64", x -> toFloat64(x.get(0)), a));
    f.add(GoFunction.variadic("add", x -> {
      long sum = 0;
      for (Object o : x) {
        sum += toInt64(o);
      }
      return sum;
    }, a));
    f.add(GoFunction.of("sub", x -> toInt64(x.get(0)) - toInt64(x.get(1)), a, a));
    f.add(GoFunction.variadic("mul", x -> {
      long p = toInt64(x.get(0));
      for (int k = 1; k < x.size(); k++) {
        p *= toInt64(x.get(k));
      }
      return p;
    }, a, a));
    f.add(GoFunction.of("div", x -> {
      long d = toInt64(x.get(1));
      if (d == 0) {
        throw new FunctionException("runtime error: integer divide by zero");
      }
      return toInt64(x.get(0)) / d;
    }, a, a));
    f.add(GoFunction.of("mod", x -> {
      long d = toInt64(x.get(1));
      if (d == 0) {
        throw new FunctionException("runtime error: integer divide by zero");
      }
      return toInt64(x.get(0)) % d;
    }, a, a));
    f.add(GoFunction.variadic("addf", x -> decimalOp(0.0, x, 0), a));
    f.add(GoFunction.variadic("subf", x -> decimalOp(x.get(0), x.subList(1, x.size()), 1), a, a));
    f.add(GoFunction.variadic("mulf", x -> decimalOp(x.get(0), x.subList(1, x.size()), 2), a, a));
    f.add(GoFunction.variadic("divf", x -> decimalOp(x.get(0), x.subList(1, x.size()), 3), a, a));
    f.add(GoFunction.variadic("max", x -> {
      long m = toInt64(x.get(0));
      for (int k = 1; k < x.size(); k++) {
        m = Math.max(m, toInt64(x.get(k)));
      }
      return m;
    }, a, a));
    f.add(GoFunction.variadic("min", x -> {
      long m = toInt64(x.get(0));
      for (int k = 1; k < x.size(); k++) {
        m = Math.min(m, toInt64(x.get(k)));
      }
      return m;
    }, a, a));
    f.add(GoFunction.variadic("maxf", x -> {
      double m = toFloat64(x.get(0));
      for (int k = 1; k < x.size(); k++) {
        m = Math.max(m, toFloat64(x.get(k)));
      }
      return m;
    }, a, a));
    f.add(GoFunction.variadic("minf", x -> {
      double m = toFloat64(x.get(0));
      for (int k = 1; k < x.size(); k++) {
        m = Math.min(m, toFloat64(x.get(k)));
      }
      return m;
    }, a, a));
    f.add(GoFunction.of("ceil", x -> Math.ceil(toFloat64(x.get(0))), a));
    f.add(GoFunction.of("floor", x -> Math.floor(toFloat64(x.get(0))), a));
    f.add(GoFunction.variadic("round", x -> {
      double roundOn = x.size() > 2 ? (Double) x.get(2) : 0.5;
      double val = toFloat64(x.get(0));
      double pow = Math.pow(10, (Long) x.get(1));
      double digit = pow * val;
      double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
      double r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
      return r / pow;
    }, f64, a, i));
    f.add(GoFunction.of("fromJson", x -> {
      try {
        return GoJson.decode(str(x, 0));
      } catch (RuntimeException | StackOverflowError e) {
        // sprig's fromJson ignores decoding errors; absurd nesting is treated the same way.
        return null;
      }
    }, s));
    f.add(GoFunction.of("date", x -> GoTimeLayout.format(dateArg(x.get(1)), str(x, 0)), s, a));
    f.add(GoFunction.of("toDate", x -> parseOrZero(str(x, 0), str(x, 1), LOCAL), s, s));
    f.add(GoFunction.of("now", x -> local(GoTime.of(Instant.now(), false))));
    f.add(GoFunction.of("unixEpoch", x -> Long.toString(((GoTime) x.get(0)).epochSecond()), time));
    f.add(GoFunction.variadic("default", x -> {
      if (x.size() < 2 || empty(x.get(1))) {
        return x.get(0);
      }
      return x.get(1);
    }, a, a));
    return f;
  }

  private static String str(List<Object> args, int i) {
    return (String) args.get(i);
  }

  private static GoTime local(GoTime t) {
    return new GoTime(t.epochSecond(), t.nanos(), false, LOCAL);
  }

  private static GoTime dateArg(Object d) {
    if (d instanceof GoTime t) {
      return local(t);
    } else if (d instanceof Long l) {
      return new GoTime(l, 0, false, LOCAL);
    }
    return local(GoTime.of(Instant.now(), false));
  }

  private static GoTime parseOrZero(String layout, String value, ZoneId zone) {
    try {
      return GoTimeLayout.parse(layout, value, zone);
    } catch (FunctionException e) {
      // Go's zero time, which is what the ignored parse error leaves.
      return new GoTime(-62135596800L, 0, false, ZoneOffset.UTC);
    }
  }

  private static Object unixToTime(String epoch) {
    long v;
    try {
      v = Long.parseLong(epoch);
    } catch (NumberFormatException e) {
      throw new FunctionException("unable to parse time '" + epoch + "'");
    }
    return switch (epoch.length()) {
      case 5 -> local(new GoTime(v * 86400, 0, false));
      case 10 -> local(new GoTime(v, 0, false));
      case 13 -> local(GoTime.ofUnixNanos(v * 1_000_000L, false));
      case 16 -> local(GoTime.ofUnixNanos(v * 1_000L, false));
      case 19 -> local(GoTime.ofUnixNanos(v, false));
      default -> throw new FunctionException("unable to parse time '" + epoch + "'");
    };
  }

  /** spf13/cast {@code ToInt64}: numbers truncated, numeric strings parsed, anything else 0. */
  static long toInt64(Object v) {
    if (v instanceof Long l) {
      return l;
    } else if (v instanceof Double d) {
      return PrometheusFunctions.goInt64(d);
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      String t = s;
      if (t.endsWith(".0")) {
        // cast trims a zero decimal part before parsing.
        t = t.replaceAll("\\.0+$", "");
      }
      BigInteger bi = GoStrconv.parseInteger(t);
      return bi != null && bi.bitLength() < 64 ? bi.longValue() : 0;
    }
    return 0;
  }

  /** spf13/cast {@code ToFloat64}. */
  static double toFloat64(Object v) {
    if (v instanceof Double d) {
      return d;
    } else if (v instanceof Long l) {
      return l;
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      try {
        return GoStrconv.parseFloat(s);
      } catch (GoStrconv.SyntaxException e) {
        return 0;
      }
    }
    return 0;
  }

  /** sprig's decimal arithmetic (shopspring/decimal from each float's shortest form). */
  private static double decimalOp(Object first, List<Object> rest, int op) {
    BigDecimal acc = decimal(toFloat64(first));
    for (Object o : rest) {
      BigDecimal d = decimal(toFloat64(o));
      acc = switch (op) {
        case 0 -> acc.add(d);
        case 1 -> acc.subtract(d);
        case 2 -> acc.multiply(d);
        default -> {
          if (d.signum() == 0) {
            throw new FunctionException("decimal division by 0");
          }
          yield acc.divide(d, 16, RoundingMode.HALF_UP);
        }
      };
    }
    return acc.doubleValue();
  }

  private static BigDecimal decimal(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new FunctionException("Cannot create a Decimal from " + GoFloat.format(v, 'g', -1));
    }
    return new BigDecimal(GoFloat.format(v, 'e', -1));
  }

  /** sprig's {@code empty}. */
  private static boolean empty(Object v) {
    if (v == null) {
      return true;
    }
    return !GoValues.truth(v) && !(v instanceof GoTime);
  }

  static String replace(String s, String old, String neu, long n) {
    if (n == 0 || old.equals(neu) && !old.isEmpty()) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int count = 0;
    int i = 0;
    if (old.isEmpty()) {
      // Matches at the start and after each rune, as Go does.
      sb.append(neu);
      count++;
      while (i < s.length()) {
        int c = s.codePointAt(i);
        sb.appendCodePoint(c);
        i += Character.charCount(c);
        if (n < 0 || count < n) {
          sb.append(neu);
          count++;
        }
      }
      return sb.toString();
    }
    while (n < 0 || count < n) {
      int j = s.indexOf(old, i);
      if (j < 0) {
        break;
      }
      sb.append(s, i, j).append(neu);
      i = j + old.length();
      count++;
    }
    return sb.append(s.substring(i)).toString();
  }

  static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || Character.isSpaceChar(c);
  }

  static String trimPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  private static long count(String regex, String s) {
    var m = GoRegexp.compile(regex).matcher(s);
    long n = 0;
    int pos = 0;
    int prevEnd = -1;
    while (pos <= s.length() && m.find(pos)) {
      int st = m.start();
      int en = m.end();
      // Go's FindAll drops an empty match right after the previous match.
      if (!(en == st && st == prevEnd)) {
        n++;
      }
      prevEnd = en;
      pos = en > st ? en : st + (st < s.length() ? Character.charCount(s.codePointAt(st)) : 1);
    }
    return n;
  }

  private static String queryUnescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '%') {
        if (i + 2 >= b.length || Character.digit(b[i + 1], 16) < 0 || Character.digit(b[i + 2], 16) < 0) {
          String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
          throw new FunctionException("invalid URL escape " + GoFmt.quote(bad));
        }
        out.write(Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16));
        i += 2;
      } else if (b[i] == '+') {
        out.write(' ');
      } else {
        out.write(b[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** go-humanize {@code ParseBytes} after Loki removes spaces. */
  private static double parseBytes(String v) {
    try {
      return (double) (long) GoHumanize.parseBytes(v.replace(" ", ""));
    } catch (GoHumanize.ByteSizeException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  /** Go's {@code time.ParseDuration}, in nanoseconds. */
  static long parseGoDuration(String s) {
    String orig = s;
    String q = GoFmt.quote(orig);
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new FunctionException("time: invalid duration " + q);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int st = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String num = s.substring(st, i);
      if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
        throw new FunctionException("time: invalid duration " + q);
      }
      int us = i;
      while (i < s.length() && !(Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String unit = s.substring(us, i);
      if (unit.isEmpty()) {
        throw new FunctionException("time: missing unit in duration " + q);
      }
      long mult = switch (unit) {
        case "ns" -> 1L;
        case "us", "µs", "μs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> throw new FunctionException("time: unknown unit " + GoFmt.quote(unit)
            + " in duration " + q);
      };
      total = total.add(new BigDecimal(num.startsWith(".") ? "0" + num : num).multiply(BigDecimal.valueOf(mult)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new FunctionException("time: invalid duration " + q);
    }
    long n = total.setScale(0, RoundingMode.DOWN).longValue();
    return neg ? -n : n;
  }

  private static String b64dec(String v) {
    try {
      return new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      int bad = 0;
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=')) {
          bad = k;
          break;
        }
        bad = k;
      }
      return "illegal base64 data at input byte " + bad;
    }
  }

  private static String trunc(long c, String s) {
    int[] runes = s.codePoints().toArray();
    int l = runes.length;
    if (c < 0 && l + c > 0) {
      return new String(runes, (int) (l + c), (int) -c);
    }
    if (c >= 0 && l > c) {
      return new String(runes, 0, (int) c);
    }
    return s;
  }

  private static String substr(long start, long end, String s) {
    int[] runes = s.codePoints().toArray();
    int l = runes.length;
    if (end > l) {
      end = l;
    }
    if (start > l) {
      start = l;
    }
    if (start < 0) {
      if (end < 0) {
        return "";
      }
      return new String(runes, 0, (int) end);
    }
    if (end < 0) {
      return new String(runes, (int) start, (int) (l - start));
    }
    if (start > end) {
      return "";
    }
    return new String(runes, (int) start, (int) (end - start));
  }

  private static String indent(long spaces, String v) {
    String pad = repeat(spaces, " ");
    return pad + v.replace("\n", "\n" + pad);
  }

  private static String repeat(long count, String s) {
    if (count < 0) {
      throw new FunctionException("strings: negative Repeat count");
    }
    if (count * (long) s.length() > 16L << 20) {
      throw new FunctionException("strings: Repeat output length overflow");
    }
    return s.repeat((int) count);
  }

  private static String align(long count, String src, boolean left) {
    int[] runes = src.codePoints().toArray();
    int l = runes.length;
    if (count < 0 || count == l) {
      return src;
    }
    long pad = count - l;
    if (pad > 0) {
      String p = repeat(pad, " ");
      return left ? src + p : p + src;
    }
    return left ? new String(runes, 0, (int) count) : new String(runes, (int) (l - count), (int) count);
  }
}
