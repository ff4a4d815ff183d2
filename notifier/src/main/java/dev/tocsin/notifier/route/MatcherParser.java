package dev.tocsin.notifier.route;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.MatchType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Alertmanager's matcher lists ({@code matchers:} entries, as Alertmanager 0.25's classic
 * parser reads them): optional surrounding braces, comma-separated matchers (commas inside double
 * quotes do not separate), each {@code name op value} with {@code =}, {@code !=}, {@code =~} or
 * {@code !~}, whitespace around tokens ignored, the value quoted or not, and inside it the escapes
 * {@code \"}, {@code \\} and {@code \n} (any other backslash is literal). A trailing comma is
 * allowed. Regexes are RE2, fully anchored.
 */
public final class MatcherParser {
  private MatcherParser() {}

  /**
   * Parses a matcher list.
   *
   * @throws MatcherSyntaxException with Alertmanager's message and the offset of the bad part
   */
  public static List<LabelMatcher> parse(String s) throws MatcherSyntaxException {
    int start = s.startsWith("{") ? 1 : 0;
    int end = s.length() > start && s.endsWith("}") ? s.length() - 1 : s.length();
    List<LabelMatcher> out = new ArrayList<>();
    boolean quoted = false;
    boolean escaped = false;
    int tokenStart = start;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == ',' && !quoted) {
        out.add(parseOne(s, tokenStart, i));
        tokenStart = i + 1;
        continue;
      }
      if (c == '"') {
        if (escaped) {
          escaped = false;
        } else {
          quoted = !quoted;
        }
      } else if (c == '\\') {
        escaped = !escaped;
      } else {
        escaped = false;
      }
    }
    if (!s.substring(tokenStart, end).isBlank()) {
      out.add(parseOne(s, tokenStart, end));
    }
    return out;
  }

  /** One matcher in {@code s[from, to)}. */
  private static LabelMatcher parseOne(String s, int from, int to) throws MatcherSyntaxException {
    String token = s.substring(from, to);
    int i = skipSpace(s, from, to);
    int nameStart = i;
    if (i < to && isNameStart(s.charAt(i))) {
      i++;
      while (i < to && isNameChar(s.charAt(i))) {
        i++;
      }
    }
    String name = s.substring(nameStart, i);
    i = skipSpace(s, i, to);
    MatchType type = null;
    for (String op : new String[] {"=~", "=", "!=", "!~"}) {
      if (s.startsWith(op, i) && i + op.length() <= to) {
        type = MatchType.ofSymbol(op);
        i += op.length();
        break;
      }
    }
    if (name.isEmpty() || type == null) {
      throw new MatcherSyntaxException("bad matcher format: " + token, nameStart);
    }
    int valueStart = skipSpace(s, i, to);
    int valueEnd = to;
    while (valueEnd > valueStart && isSpace(s.charAt(valueEnd - 1))) {
      valueEnd--;
    }
    String value = unescape(s, valueStart, valueEnd);
    try {
      return LabelMatcher.of(type, name, value);
    } catch (IllegalArgumentException e) {
      throw new MatcherSyntaxException(e.getMessage(), valueStart);
    }
  }

  private static String unescape(String s, int from, int to) throws MatcherSyntaxException {
    String raw = s.substring(from, to);
    boolean expectClosingQuote = from < to && s.charAt(from) == '"';
    int i = expectClosingQuote ? from + 1 : from;
    StringBuilder v = new StringBuilder(to - i);
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (i == to - 1) {
          v.append('\\');
          continue;
        }
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> v.append('\n');
          case '"', '\\' -> v.append(n);
          default -> v.append('\\').append(n);
        }
      } else if (c == '"') {
        if (!expectClosingQuote || i < to - 1) {
          throw new MatcherSyntaxException("matcher value contains unescaped double quote: " + raw, i);
        }
        expectClosingQuote = false;
      } else {
        v.append(c);
      }
    }
    if (expectClosingQuote) {
      throw new MatcherSyntaxException("matcher value contains unescaped double quote: " + raw, from);
    }
    return v.toString();
  }

  private static int skipSpace(String s, int i, int to) {
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Go regexp's {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
