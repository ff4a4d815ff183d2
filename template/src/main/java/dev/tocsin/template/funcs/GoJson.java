package dev.tocsin.template.funcs;

import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes JSON into Go's {@code interface{}} shapes: maps, slices, float64, string, bool, nil. */
final class GoJson {
  private final String s;
  private int i;

  private GoJson(String s) {
    this.s = s;
  }

  /** The decoded value, or throws {@link IllegalArgumentException} on malformed input. */
  static Object decode(String s) {
    GoJson p = new GoJson(s);
    Object v = p.value(0);
    p.ws();
    if (p.i != s.length()) {
      throw new IllegalArgumentException("invalid character after top-level value");
    }
    return v;
  }

  private void ws() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
      i++;
    }
  }

  private Object value(int depth) {
    if (depth > 10000) {
      throw new IllegalArgumentException("exceeded max depth");
    }
    ws();
    if (i >= s.length()) {
      throw new IllegalArgumentException("unexpected end of JSON input");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (peek('}')) {
          i++;
          return GoMap.ofValues(m);
        }
        while (true) {
          ws();
          String k = string();
          ws();
          expect(':');
          m.put(k, value(depth + 1));
          ws();
          if (peek(',')) {
            i++;
            continue;
          }
          expect('}');
          return GoMap.ofValues(m);
        }
      }
      case '[' -> {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (peek(']')) {
          i++;
          return GoSlice.of(l);
        }
        while (true) {
          l.add(value(depth + 1));
          ws();
          if (peek(',')) {
            i++;
            continue;
          }
          expect(']');
          return GoSlice.of(l);
        }
      }
      case '"' -> {
        return string();
      }
      case 't' -> {
        word("true");
        return true;
      }
      case 'f' -> {
        word("false");
        return false;
      }
      case 'n' -> {
        word("null");
        return null;
      }
      default -> {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
          i++;
        }
        String num = s.substring(start, i);
        if (!num.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
          throw new IllegalArgumentException("invalid number");
        }
        return Double.parseDouble(num);
      }
    }
  }

  private boolean peek(char c) {
    return i < s.length() && s.charAt(i) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw new IllegalArgumentException("expected " + c);
    }
    i++;
  }

  private void word(String w) {
    if (!s.startsWith(w, i)) {
      throw new IllegalArgumentException("invalid literal");
    }
    i += w.length();
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (i >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw new IllegalArgumentException("bad escape");
            }
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape");
        }
      } else if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      } else {
        sb.append(c);
      }
    }
  }
}
