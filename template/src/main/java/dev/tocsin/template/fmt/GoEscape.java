package dev.tocsin.template.fmt;

import java.nio.charset.StandardCharsets;

/** Go's escaping functions used by templates: HTML, JavaScript and URL query escaping. */
public final class GoEscape {
  private GoEscape() {}

  /** Go's {@code template.HTMLEscapeString}. */
  public static String html(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case 0 -> "\uFFFD";
        case '"' -> "&#34;";
        case '\'' -> "&#39;";
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        default -> null;
      };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Go's {@code template.JSEscapeString}. */
  public static String js(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        default -> {
          if (c < ' ') {
            sb.append(String.format("\\u%04X", c));
          } else if (c < 0x80 || GoFmt.isPrint(c)) {
            sb.appendCodePoint(c);
          } else {
            sb.append(String.format("\\u%04X", c));
          }
        }
      }
    }
    return sb.toString();
  }

  /** Go's {@code url.QueryEscape}. */
  public static String query(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
      }
    }
    return sb.toString();
  }
}
