package dev.tocsin.promql.parser;

import dev.tocsin.promql.ast.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * PromQL string literals as Prometheus reads them: double- or single-quoted with Go's escapes,
 * or raw in backticks. {@code \x} and octal escapes are bytes, as in Go.
 */
final class GoStrings {
  private GoStrings() {}

  /**
   * The first escape error in a quoted literal in Prometheus' lexer wording, or {@code null} when
   * it is well-formed.
   */
  static String escapeError(String literal) {
    char quote = literal.charAt(0);
    if (quote == '`') {
      return null;
    }
    int end = literal.length() - 1;
    for (int i = 1; i < end; i++) {
      if (literal.charAt(i) != '\\') {
        continue;
      }
      i++;
      if (i >= end) {
        return "escape sequence not terminated";
      }
      int ch = literal.codePointAt(i);
      int digits;
      int base;
      long max;
      switch (ch) {
        case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
          continue;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          digits = 3;
          base = 8;
          max = 255;
          i--;
        }
        case 'x' -> {
          digits = 2;
          base = 16;
          max = 255;
        }
        case 'u' -> {
          digits = 4;
          base = 16;
          max = Character.MAX_CODE_POINT;
        }
        case 'U' -> {
          digits = 8;
          base = 16;
          max = Character.MAX_CODE_POINT;
        }
        default -> {
          if (ch == quote) {
            continue;
          }
          return "unknown escape sequence " + unicodeName(ch);
        }
      }
      long x = 0;
      for (int n = 0; n < digits; n++) {
        i++;
        if (i >= end) {
          return "escape sequence not terminated";
        }
        int d = Character.digit(literal.charAt(i), base);
        if (d < 0) {
          return "illegal character " + unicodeName(literal.codePointAt(i)) + " in escape sequence";
        }
        x = x * base + d;
      }
      if (x > max || (x >= 0xD800 && x < 0xE000)) {
        return "escape sequence is an invalid Unicode code point";
      }
    }
    return null;
  }

  /** Go's {@code %#U}: {@code U+0071 'q'}. */
  private static String unicodeName(int cp) {
    String hex = String.format("U+%04X", cp);
    return Character.isISOControl(cp) ? hex : hex + " " + GoQuote.quoteRune(cp);
  }

  /** The value of a well-formed literal (see {@link #escapeError}). */
  static String unquote(String literal) {
    char quote = literal.charAt(0);
    String body = literal.substring(1, literal.length() - 1);
    if (quote == '`') {
      // Go drops carriage returns from raw strings.
      return body.indexOf('\r') < 0 ? body : body.replace("\r", "");
    }
    if (body.indexOf('\\') < 0) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        plain.append(c);
        continue;
      }
      flush(plain, out);
      char e = body.charAt(++i);
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case 'x' -> {
          out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          plain.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          plain.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            out.write(Integer.parseInt(body.substring(i, i + 3), 8));
            i += 2;
          } else {
            plain.append(e);
          }
        }
      }
    }
    flush(plain, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void flush(StringBuilder plain, ByteArrayOutputStream out) {
    if (plain.length() > 0) {
      out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
      plain.setLength(0);
    }
  }
}
