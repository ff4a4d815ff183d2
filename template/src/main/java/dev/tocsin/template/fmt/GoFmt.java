package dev.tocsin.template.fmt;

import dev.tocsin.template.value.GoComplex;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoStringer;
import dev.tocsin.template.value.GoStruct;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf} over the Java representation of Go
 * values: {@link String}, {@link Double} (float64), {@link Long} (int), {@link Boolean}, null (nil),
 * {@link GoMap}, {@link GoSlice}, {@link List}, {@link GoStruct} and {@link GoStringer}.
 */
public final class GoFmt {
  private GoFmt() {}

  /** The Go type name of a value as {@code %T} and error messages print it. */
  public static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Double || v instanceof Float) {
      return "float64";
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return "int";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof GoComplex) {
      return "complex128";
    } else if (v instanceof GoMap m) {
      return m.goType();
    } else if (v instanceof GoSlice s) {
      return s.goType();
    } else if (v instanceof List<?>) {
      return GoSlice.ANY_SLICE;
    } else if (v instanceof GoStringer s) {
      return s.goType();
    } else if (v instanceof GoStruct s) {
      return s.goType();
    }
    return v.getClass().getSimpleName();
  }

  /** {@code fmt.Sprint}: operands printed with %v, a space between two operands if neither is a string. */
  public static String sprint(List<?> args) {
    StringBuilder sb = new StringBuilder();
    Printer p = new Printer(sb);
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      boolean isString = a instanceof String;
      if (i > 0 && !isString && !prevString) {
        sb.append(' ');
      }
      p.reset();
      p.printArg(a, 'v');
      prevString = isString;
    }
    return sb.toString();
  }

  /** {@code fmt.Sprintln}: operands printed with %v, always separated by spaces, then a newline. */
  public static String sprintln(List<?> args) {
    StringBuilder sb = new StringBuilder();
    Printer p = new Printer(sb);
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      p.reset();
      p.printArg(args.get(i), 'v');
    }
    sb.append('\n');
    return sb.toString();
  }

  /** Appends one value as {@code fmt.Fprint} would print it alone. */
  public static void print(StringBuilder sb, Object v) {
    if (v instanceof String s) {
      sb.append(s);
      return;
    }
    Printer p = new Printer(sb);
    p.printArg(v, 'v');
  }

  /** {@code fmt.Sprintf}, including Go's {@code %!verb(type=value)} error forms. */
  public static String sprintf(String format, List<?> args) {
    StringBuilder sb = new StringBuilder(format.length() + 16);
    Printer p = new Printer(sb);
    Args a = new Args(args);
    int end = format.length();
    int i = 0;
    while (i < end) {
      a.goodArgNum = true;
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      if (i > lasti) {
        sb.append(format, lasti, i);
      }
      if (i >= end) {
        break;
      }
      i++; // skip %
      p.reset();
      flags:
      for (; i < end; i++) {
        switch (format.charAt(i)) {
          case '#' -> p.sharp = true;
          case '0' -> p.zero = !p.minus;
          case '+' -> p.plus = true;
          case '-' -> {
            p.minus = true;
            p.zero = false;
          }
          case ' ' -> p.space = true;
          default -> {
            break flags;
          }
        }
      }
      i = a.argNumber(format, i);
      if (i < end && format.charAt(i) == '*') {
        i++;
        Integer w = a.intArg();
        if (w == null) {
          sb.append("%!(BADWIDTH)");
        } else {
          p.wid = w;
          p.widPresent = true;
          if (p.wid < 0) {
            p.minus = true;
            p.zero = false;
            p.wid = -p.wid;
          }
        }
        a.afterIndex = false;
      } else {
        int start = i;
        int n = 0;
        while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
          n = Math.min(n * 10 + (format.charAt(i) - '0'), 1_000_000);
          i++;
        }
        if (i > start) {
          p.wid = n;
          p.widPresent = true;
          if (a.afterIndex) {
            a.goodArgNum = false;
          }
        }
      }
      if (i + 1 < end && format.charAt(i) == '.') {
        i++;
        if (a.afterIndex) {
          a.goodArgNum = false;
        }
        i = a.argNumber(format, i);
        if (i < end && format.charAt(i) == '*') {
          i++;
          Integer pr = a.intArg();
          if (pr == null || pr < 0) {
            sb.append("%!(BADPREC)");
          } else {
            p.prec = pr;
            p.precPresent = true;
          }
          a.afterIndex = false;
        } else {
          int n = 0;
          while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
            n = Math.min(n * 10 + (format.charAt(i) - '0'), 1_000_000);
            i++;
          }
          p.prec = n;
          p.precPresent = true;
        }
      }
      if (!a.afterIndex) {
        i = a.argNumber(format, i);
      }
      if (i >= end) {
        sb.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        sb.append('%');
      } else if (!a.goodArgNum) {
        sb.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (a.argNum >= args.size()) {
        sb.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          // %+v and %#v select struct-field and Go syntax, not signs or alternate forms.
          p.sharpV = p.sharp;
          p.plusV = p.plus;
          p.plus = false;
          p.sharp = false;
        }
        p.printArg(args.get(a.argNum++), verb);
      }
    }
    if (!a.reordered && a.argNum < args.size()) {
      p.reset();
      sb.append("%!(EXTRA ");
      for (int k = a.argNum; k < args.size(); k++) {
        if (k > a.argNum) {
          sb.append(", ");
        }
        Object o = args.get(k);
        if (o == null) {
          sb.append("<nil>");
        } else {
          sb.append(typeName(o)).append('=');
          p.printArg(o, 'v');
        }
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** Argument bookkeeping of one Sprintf call, including explicit {@code [n]} indexes. */
  private static final class Args {
    final List<?> args;
    int argNum;
    boolean afterIndex;
    boolean goodArgNum = true;
    boolean reordered;

    Args(List<?> args) {
      this.args = args;
    }

    /** Go's {@code intFromArg}: the next argument as a width or precision, or null. */
    Integer intArg() {
      Integer r = null;
      if (argNum < args.size()) {
        if (args.get(argNum) instanceof Long l && Math.abs(l) <= 1_000_000) {
          r = (int) (long) l;
        }
        argNum++;
      }
      return r;
    }

    /** Go's {@code argNumber}: consumes {@code [n]} at i if present and returns the new i. */
    int argNumber(String format, int i) {
      afterIndex = false;
      if (i >= format.length() || format.charAt(i) != '[') {
        return i;
      }
      reordered = true;
      int close = format.indexOf(']', i + 1);
      if (format.length() - i < 3 || close < 0) {
        goodArgNum = false;
        return i + 1;
      }
      String num = format.substring(i + 1, close);
      int width = close - i + 1;
      boolean ok = !num.isEmpty() && num.chars().allMatch(c -> c >= '0' && c <= '9') && num.length() < 8;
      if (ok) {
        int index = Integer.parseInt(num) - 1;
        if (index >= 0 && index < args.size()) {
          argNum = index;
          afterIndex = true;
          return i + width;
        }
      }
      goodArgNum = false;
      afterIndex = ok;
      return i + width;
    }
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    appendQuoted(sb, s, false);
    return sb.toString();
  }

  static void appendQuoted(StringBuilder sb, String s, boolean asciiOnly) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else if (c < 0x7f || (!asciiOnly && isPrint(c))) {
            sb.appendCodePoint(c);
          } else if (c >= 0xD800 && c <= 0xDFFF) {
            sb.append("\\ufffd");
          } else if (c < 0x10000) {
            sb.append(String.format("\\u%04x", c));
          } else {
            sb.append(String.format("\\U%08x", c));
          }
        }
      }
    }
    sb.append('"');
  }

  /** Go's {@code strconv.CanBackquote}. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`' || c == '\uFEFF' || (c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code strconv.IsPrint}, approximated with Java's character categories. */
  public static boolean isPrint(int c) {
    int t = Character.getType(c);
    return !(t == Character.CONTROL
        || t == Character.FORMAT
        || t == Character.UNASSIGNED
        || t == Character.SURROGATE
        || t == Character.PRIVATE_USE
        || t == Character.LINE_SEPARATOR
        || t == Character.PARAGRAPH_SEPARATOR
        || (t == Character.SPACE_SEPARATOR && c != ' '));
  }

  static void repeat(StringBuilder sb, char c, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
  }

  /** The state of one verb's formatting: flags, width and precision. */
  private static final class Printer {
    final StringBuilder sb;
    boolean sharp;
    boolean zero;
    boolean plus;
    boolean minus;
    boolean space;
    boolean sharpV;
    boolean plusV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    Printer(StringBuilder sb) {
      this.sb = sb;
    }

    void reset() {
      sharp = zero = plus = minus = space = sharpV = plusV = widPresent = precPresent = false;
      wid = prec = 0;
    }

    void printArg(Object arg, int verb) {
      if (arg == null) {
        if (verb == 'T' || verb == 'v') {
          pad("<nil>");
        } else {
          badVerb(null, verb);
        }
        return;
      }
      if (verb == 'T') {
        pad(typeName(arg));
        return;
      }
      if (sharpV && printGoSyntax(arg)) {
        return;
      }
      if (arg instanceof Boolean b) {
        if (verb == 't' || verb == 'v') {
          pad(b ? "true" : "false");
        } else {
          badVerb(arg, verb);
        }
      } else if (arg instanceof Double || arg instanceof Float) {
        fmtFloat(((Number) arg).doubleValue(), verb);
      } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
        fmtInteger(((Number) arg).longValue(), verb, arg);
      } else if (arg instanceof String s) {
        fmtString(s, verb, arg);
      } else if (arg instanceof GoComplex c) {
        fmtComplex(c, verb);
      } else if (arg instanceof GoStringer st
          && (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q')) {
        fmtString(st.goString(), verb, arg);
      } else if (arg instanceof GoMap m) {
        sb.append("map[");
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entries().entrySet()) {
          if (!first) {
            sb.append(' ');
          }
          first = false;
          printArg(e.getKey(), verb);
          sb.append(':');
          printElem(e.getValue(), verb);
        }
        sb.append(']');
      } else if (arg instanceof GoSlice s) {
        printList(s.items(), verb);
      } else if (arg instanceof List<?> l) {
        printList(l, verb);
      } else if (arg instanceof GoStruct st) {
        if (st.isPointer()) {
          sb.append('&');
        }
        sb.append('{');
        List<Object> fields = st.fieldValues();
        List<String> names = st.fieldNames();
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          if (plusV && i < names.size()) {
            sb.append(names.get(i)).append(':');
          }
          printElem(fields.get(i), verb);
        }
        sb.append('}');
      } else {
        fmtString(arg.toString(), verb, arg);
      }
    }

    /** {@code %#v} for strings, label maps and slices; other values print as with {@code %v}. */
    private boolean printGoSyntax(Object arg) {
      if (arg instanceof String s) {
        StringBuilder q = new StringBuilder();
        appendQuoted(q, s, false);
        pad(q);
        return true;
      }
      if (arg instanceof GoMap m) {
        sb.append(m.goType()).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entries().entrySet()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          appendQuoted(sb, e.getKey(), false);
          sb.append(':');
          if (e.getValue() == null) {
            sb.append("interface {}(nil)");
          } else {
            printArg(e.getValue(), 'v');
          }
        }
        sb.append('}');
        return true;
      }
      if (arg instanceof GoSlice || arg instanceof List<?>) {
        List<?> items = arg instanceof GoSlice s ? s.items() : (List<?>) arg;
        sb.append(typeName(arg)).append('{');
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          if (items.get(i) == null) {
            sb.append("interface {}(nil)");
          } else {
            printArg(items.get(i), 'v');
          }
        }
        sb.append('}');
        return true;
      }
      return false;
    }

    private void printElem(Object v, int verb) {
      if (v == null) {
        pad("<nil>");
      } else {
        printArg(v, verb);
      }
    }

    private void printList(List<?> items, int verb) {
      sb.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        printElem(items.get(i), verb);
      }
      sb.append(']');
    }

    private void badVerb(Object arg, int verb) {
      sb.append("%!").appendCodePoint(verb).append('(');
      if (arg == null) {
        sb.append("<nil>");
      } else {
        sb.append(typeName(arg)).append('=');
        printArg(arg, 'v');
      }
      sb.append(')');
    }

    private void pad(CharSequence s) {
      if (!widPresent || wid == 0) {
        sb.append(s);
        return;
      }
      int width = s.toString().codePointCount(0, s.length());
      int padding = wid - width;
      if (padding <= 0) {
        sb.append(s);
        return;
      }
      if (minus) {
        sb.append(s);
        repeat(sb, ' ', padding);
      } else {
        repeat(sb, zero ? '0' : ' ', padding);
        sb.append(s);
      }
    }

    private void fmtString(String s, int verb, Object arg) {
      switch (verb) {
        case 'v', 's' -> pad(truncate(s));
        case 'q' -> {
          String t = truncate(s);
          if (sharp && canBackquote(t)) {
            pad("`" + t + "`");
            return;
          }
          StringBuilder q = new StringBuilder();
          appendQuoted(q, t, plus);
          pad(q);
        }
        case 'x', 'X' -> {
          byte[] bytes = truncate(s).getBytes(StandardCharsets.UTF_8);
          StringBuilder h = new StringBuilder();
          String digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
          for (int i = 0; i < bytes.length; i++) {
            if (space && i > 0) {
              h.append(' ');
            }
            if (sharp && (space || i == 0)) {
              h.append(verb == 'x' ? "0x" : "0X");
            }
            h.append(digits.charAt((bytes[i] >> 4) & 0xf)).append(digits.charAt(bytes[i] & 0xf));
          }
          pad(h);
        }
        default -> badVerb(arg, verb);
      }
    }

    private String truncate(String s) {
      if (precPresent && s.codePointCount(0, s.length()) > prec) {
        return s.substring(0, s.offsetByCodePoints(0, prec));
      }
      return s;
    }

    private void fmtInteger(long v, int verb, Object arg) {
      int base;
      boolean upper = false;
      switch (verb) {
        case 'v', 'd' -> base = 10;
        case 'b' -> base = 2;
        case 'o', 'O' -> base = 8;
        case 'x' -> base = 16;
        case 'X' -> {
          base = 16;
          upper = true;
        }
        case 'c' -> {
          pad(new String(Character.toChars(validRune(v))));
          return;
        }
        case 'q' -> {
          StringBuilder q = new StringBuilder("'");
          int r = validRune(v);
          if (r == '\'') {
            q.append("\\'");
          } else if (r == '"') {
            q.append('"');
          } else {
            StringBuilder t = new StringBuilder();
            appendQuoted(t, new String(Character.toChars(r)), plus);
            q.append(t, 1, t.length() - 1);
          }
          pad(q.append('\''));
          return;
        }
        case 'U' -> {
          String h = Long.toHexString(v).toUpperCase();
          pad("U+" + "0".repeat(Math.max(0, 4 - h.length())) + h);
          return;
        }
        default -> {
          badVerb(arg, verb);
          return;
        }
      }
      boolean neg = v < 0;
      String digits = neg ? Long.toUnsignedString(-v, base) : Long.toString(v, base);
      if (v == Long.MIN_VALUE) {
        digits = Long.toUnsignedString(Long.MIN_VALUE, base);
      }
      if (upper) {
        digits = digits.toUpperCase();
      }
      StringBuilder num = new StringBuilder();
      if (precPresent) {
        if (prec == 0 && v == 0) {
          digits = "";
        }
        for (int i = digits.length(); i < prec; i++) {
          num.append('0');
        }
      }
      String prefix = "";
      if (sharp) {
        prefix = switch (verb) {
          case 'b' -> "0b";
          case 'o' -> digits.startsWith("0") ? "" : "0";
          case 'x' -> "0x";
          case 'X' -> "0X";
          default -> "";
        };
      }
      if (verb == 'O') {
        prefix = "0o";
      }
      num.append(digits);
      String sign = neg ? "-" : plus ? "+" : space ? " " : "";
      String body = prefix + num;
      if (zero && widPresent && !precPresent && wid > sign.length() + body.length()) {
        sb.append(sign);
        repeat(sb, '0', wid - sign.length() - body.length());
        sb.append(body);
        return;
      }
      boolean z = zero;
      zero = false;
      pad(sign + body);
      zero = z;
    }

    private static int validRune(long v) {
      if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
        return 0xFFFD;
      }
      return (int) v;
    }

    private void fmtComplex(GoComplex c, int verb) {
      switch (verb) {
        case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
          boolean oldPlus = plus;
          sb.append('(');
          fmtFloat(c.real(), verb);
          // The imaginary part always has a sign.
          plus = true;
          fmtFloat(c.imag(), verb);
          sb.append("i)");
          plus = oldPlus;
        }
        default -> badVerb(c, verb);
      }
    }

    private void fmtFloat(double v, int verb) {
      char f;
      int p;
      switch (verb) {
        case 'v' -> {
          f = 'g';
          p = -1;
        }
        case 'g', 'G' -> {
          f = (char) verb;
          p = -1;
        }
        case 'e', 'E', 'f' -> {
          f = (char) verb;
          p = 6;
        }
        case 'F' -> {
          f = 'f';
          p = 6;
        }
        case 'x', 'X' -> {
          f = (char) verb;
          p = -1;
        }
        default -> {
          badVerb(v, verb);
          return;
        }
      }
      if (precPresent) {
        p = prec;
      }
      StringBuilder num = new StringBuilder(24);
      if (f == 'x' || f == 'X') {
        GoFloat.appendHex(num, v, f == 'X');
      } else {
        GoFloat.append(num, v, f, p);
      }
      if (sharp && verb != 'b') {
        applySharp(num, f, p);
      }
      char first = num.charAt(0);
      if (first != '-' && first != '+') {
        num.insert(0, '+');
      }
      if (space && num.charAt(0) == '+' && !plus) {
        num.setCharAt(0, ' ');
      }
      char c1 = num.charAt(1);
      if (c1 == 'I' || c1 == 'N') {
        boolean z = zero;
        zero = false;
        if (c1 == 'N' && !space && !plus) {
          num.deleteCharAt(0);
        }
        pad(num);
        zero = z;
        return;
      }
      if (plus || num.charAt(0) != '+') {
        if (zero && widPresent && wid > num.length()) {
          sb.append(num.charAt(0));
          repeat(sb, '0', wid - num.length());
          sb.append(num, 1, num.length());
          return;
        }
        pad(num);
        return;
      }
      num.deleteCharAt(0);
      if (zero && widPresent && wid > num.length()) {
        repeat(sb, '0', wid - num.length());
        sb.append(num);
        return;
      }
      pad(num);
    }

    // Go's '#' flag for floats: keep a decimal point and, for %g, trailing zeros up to the precision.
    private static void applySharp(StringBuilder num, char f, int p) {
      int digits = 0;
      if (f == 'g' || f == 'G') {
        digits = p == -1 ? 6 : p;
      }
      int expIdx = -1;
      for (int i = 0; i < num.length(); i++) {
        char c = num.charAt(i);
        if (c == 'e' || c == 'E') {
          expIdx = i;
          break;
        }
      }
      String tail = expIdx >= 0 ? num.substring(expIdx) : "";
      String head = expIdx >= 0 ? num.substring(0, expIdx) : num.toString();
      if (head.contains("Inf") || head.contains("NaN")) {
        return;
      }
      boolean sawNonzero = false;
      boolean hasDot = head.contains(".");
      for (int i = 0; i < head.length(); i++) {
        char c = head.charAt(i);
        if (c >= '0' && c <= '9') {
          if (c != '0') {
            sawNonzero = true;
          }
          if (sawNonzero) {
            digits--;
          }
        }
      }
      StringBuilder out = new StringBuilder(head);
      if (!hasDot) {
        out.append('.');
      }
      while (digits > 0) {
        out.append('0');
        digits--;
      }
      num.setLength(0);
      num.append(out).append(tail);
    }
  }
}
