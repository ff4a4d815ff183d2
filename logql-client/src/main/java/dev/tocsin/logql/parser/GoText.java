package dev.tocsin.logql.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's string literal rules as Loki's lexer applies them: unquoting and quoting. */
final class GoText {
  private GoText() {}

  /** Go's unicode.IsSpace. */
  static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> c > 0xFF && Character.isSpaceChar(c);
    };
  }

  /**
   * Unquotes a Go string literal, double-quoted (with escapes) or back-quoted (raw).
   *
   * @throws IllegalArgumentException with the message of Go's scanner or unquoting
   */
  static String unquote(String literal) {
    if (literal.startsWith("`")) {
      return literal.substring(1, literal.length() - 1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int end = literal.length() - 1;
    int i = 1;
    while (i < end) {
      char c = literal.charAt(i);
      if (c != '\\') {
        int cp = literal.codePointAt(i);
        writeUtf8(out, cp);
        i += Character.charCount(cp);
        continue;
      }
      char e = i + 1 < end ? literal.charAt(i + 1) : 0;
      i += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write(10);
        case 'r' -> out.write(13);
        case 't' -> out.write(9);
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '"' -> out.write('"');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = digits(literal, i - 1, 3, 8, end);
          if (v > 255) {
            throw new IllegalArgumentException("invalid syntax");
          }
          out.write(v);
          i += 2;
        }
        case 'x' -> {
          out.write(digits(literal, i, 2, 16, end));
          i += 2;
        }
        case 'u', 'U' -> {
          int n = e == 'u' ? 4 : 8;
          int v = digits(literal, i, n, 16, end);
          if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
            throw new IllegalArgumentException("invalid syntax");
          }
          writeUtf8(out, v);
          i += n;
        }
        default -> throw new IllegalArgumentException("invalid char escape");
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int digits(String s, int from, int n, int base, int end) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      int d = from + k < end ? Character.digit(s.charAt(from + k), base) : -1;
      if (d < 0) {
        throw new IllegalArgumentException("invalid char escape");
      }
      v = v * base + d;
    }
    return v;
  }

  private static void writeUtf8(ByteArrayOutputStream out, int cp) {
    byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  /** Quotes a string as a double-quoted Go literal that {@link #unquote} reads back. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
