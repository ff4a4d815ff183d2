package dev.tocsin.promql.promqltest;

import dev.tocsin.model.Labels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a load or expectation line into its series ({@code metric{l="v"}}, {@code {}}, {@code
 * {"utf8.name", l="v"}}) and the rest of the line, and parses the series' labels.
 */
final class SeriesDescriptor {
  private final String text;
  private int pos;

  private SeriesDescriptor(String text) {
    this.text = text;
  }

  /** A parsed line: the labels and the text after the descriptor. */
  record Parsed(Labels labels, String rest) {}

  static Parsed parse(String line) {
    SeriesDescriptor p = new SeriesDescriptor(line.trim());
    Labels labels = p.descriptor();
    return new Parsed(labels, p.text.substring(p.pos).trim());
  }

  private Labels descriptor() {
    Labels.Builder b = Labels.builder();
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    if (pos > start) {
      b.put(Labels.METRIC_NAME, text.substring(start, pos));
    }
    if (pos < text.length() && text.charAt(pos) == '{') {
      pos++;
      skipSpace();
      while (pos < text.length() && text.charAt(pos) != '}') {
        String name;
        if (isQuote(text.charAt(pos))) {
          name = quoted();
          skipSpace();
          if (pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == '}')) {
            b.put(Labels.METRIC_NAME, name);
            if (text.charAt(pos) == ',') {
              pos++;
            }
            skipSpace();
            continue;
          }
        } else {
          int s = pos;
          while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
          }
          name = text.substring(s, pos);
          if (name.isEmpty()) {
            throw new IllegalArgumentException("bad series descriptor: " + text);
          }
        }
        skipSpace();
        expect('=');
        skipSpace();
        String value = quoted();
        b.put(name, value);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
          skipSpace();
        }
      }
      expect('}');
    }
    if (pos == 0) {
      throw new IllegalArgumentException("bad series descriptor: " + text);
    }
    return b.build().withoutEmpty();
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + (pos + 1) + " in " + text);
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  /** A Go-quoted string; {@code \x} and octal escapes are bytes, as in Go. */
  private String quoted() {
    char q = text.charAt(pos++);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (pos < text.length() && text.charAt(pos) != q) {
      char c = text.charAt(pos++);
      if (c != '\\' || q == '`') {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case 'r' -> out.write('\r');
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'v' -> out.write(11);
        case 'x' -> {
          out.write(Integer.parseInt(text.substring(pos, pos + 2), 16));
          pos += 2;
        }
        case 'u' -> {
          out.writeBytes(new String(Character.toChars(Integer.parseInt(text.substring(pos, pos + 4), 16)))
              .getBytes(StandardCharsets.UTF_8));
          pos += 4;
        }
        case 'U' -> {
          out.writeBytes(new String(Character.toChars(Integer.parseInt(text.substring(pos, pos + 8), 16)))
              .getBytes(StandardCharsets.UTF_8));
          pos += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            out.write(Integer.parseInt(text.substring(pos - 1, pos + 2), 8));
            pos += 2;
          } else {
            out.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    expect(q);
    return out.toString(StandardCharsets.UTF_8);
  }
}
