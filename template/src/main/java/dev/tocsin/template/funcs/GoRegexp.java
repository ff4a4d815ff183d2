package dev.tocsin.template.funcs;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tocsin.template.FunctionException;
import dev.tocsin.template.fmt.GoFmt;
import java.util.Map;

/** Go's {@code regexp} over re2j: compile errors in Go's words and {@code ReplaceAllString} semantics. */
final class GoRegexp {
  private GoRegexp() {}

  /** {@code regexp.Compile}; the error reads {@code error parsing regexp: CODE: `EXPR`}. */
  static Pattern compile(String expr) {
    try {
      return Pattern.compile(expr);
    } catch (PatternSyntaxException e) {
      throw new FunctionException("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`");
    } catch (StackOverflowError e) {
      throw new FunctionException("error parsing regexp: expression nests too deeply: `" + expr + "`");
    }
  }

  /** {@code regexp.MustCompile}, whose panic text text/template reports. */
  static Pattern mustCompile(String expr) {
    try {
      return compile(expr);
    } catch (FunctionException e) {
      throw new FunctionException("regexp: Compile(" + backquote(expr) + "): " + e.getMessage());
    }
  }

  private static String backquote(String s) {
    boolean ok = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`' || (c < ' ' && c != '\t') || c == 0x7f || c == '\uFFFD') {
        ok = false;
        break;
      }
    }
    return ok ? "`" + s + "`" : GoFmt.quote(s);
  }

  /** {@code re.ReplaceAllString(src, repl)} ({@code $1}, {@code ${name}} expanded) or the literal variant. */
  static String replaceAll(Pattern re, String src, String repl, boolean literal) {
    Matcher m = re.matcher(src);
    StringBuilder dst = new StringBuilder(src.length() + 16);
    int lastMatchEnd = 0;
    int searchPos = 0;
    int end = src.length();
    Map<String, Integer> names = literal ? Map.of() : re.namedGroups();
    while (searchPos <= end) {
      if (!m.find(searchPos)) {
        break;
      }
      int a0 = m.start();
      int a1 = m.end();
      dst.append(src, lastMatchEnd, a0);
      // No replacement for an empty match right after the previous match, as Go does.
      if (a1 > lastMatchEnd || a0 == 0) {
        if (literal) {
          dst.append(repl);
        } else {
          expand(dst, repl, m, names);
        }
      }
      lastMatchEnd = a1;
      int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > a1) {
        searchPos += width;
      } else if (searchPos + 1 > a1) {
        searchPos++;
      } else {
        searchPos = a1;
      }
    }
    dst.append(src, lastMatchEnd, end);
    return dst.toString();
  }

  private static void expand(StringBuilder dst, String template, Matcher m, Map<String, Integer> names) {
    int i = 0;
    int n = template.length();
    while (i < n) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      dst.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        dst.append('$');
        i++;
        continue;
      }
      // extract: optional braces around letters, digits and underscores.
      int j = i;
      boolean brace = false;
      if (j < n && template.charAt(j) == '{') {
        brace = true;
        j++;
      }
      int nameStart = j;
      while (j < n) {
        int c = template.codePointAt(j);
        if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
          break;
        }
        j += Character.charCount(c);
      }
      if (j == nameStart || (brace && (j >= n || template.charAt(j) != '}'))) {
        dst.append('$');
        continue;
      }
      String name = template.substring(nameStart, j);
      if (brace) {
        j++;
      }
      i = j;
      int num = 0;
      for (int k = 0; k < name.length(); k++) {
        char c = name.charAt(k);
        if (c < '0' || c > '9' || num >= 100_000_000) {
          num = -1;
          break;
        }
        num = num * 10 + (c - '0');
      }
      if (name.charAt(0) == '0' && name.length() > 1) {
        num = -1;
      }
      if (num >= 0) {
        if (num <= m.groupCount()) {
          String g = m.group(num);
          if (g != null) {
            dst.append(g);
          }
        }
      } else {
        Integer idx = names.get(name);
        if (idx != null) {
          String g = m.group(idx);
          if (g != null) {
            dst.append(g);
          }
        }
      }
    }
    dst.append(template, Math.min(i, n), n);
  }
}
