package dev.tocsin.promql.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Go's {@code Regexp.ExpandString}, which label_replace uses for its replacement: {@code $1},
 * {@code ${1}}, {@code $name}, {@code ${name}} and {@code $$}; a name is the longest run of
 * letters, digits and underscores, and an unknown group expands to nothing.
 */
final class GoRegexExpand {
  private GoRegexExpand() {}

  static String expand(String template, Matcher m, Pattern p) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$') {
        sb.append(c);
        i++;
        continue;
      }
      i++;
      if (i < template.length() && template.charAt(i) == '$') {
        sb.append('$');
        i++;
        continue;
      }
      String name;
      if (i < template.length() && template.charAt(i) == '{') {
        int close = template.indexOf('}', i + 1);
        if (close < 0) {
          sb.append('$');
          continue;
        }
        name = template.substring(i + 1, close);
        if (name.isEmpty() || !isName(name)) {
          sb.append('$');
          continue;
        }
        i = close + 1;
      } else {
        int j = i;
        while (j < template.length() && isNameChar(template.charAt(j))) {
          j++;
        }
        if (j == i) {
          sb.append('$');
          continue;
        }
        name = template.substring(i, j);
        i = j;
      }
      sb.append(group(m, name));
    }
    return sb.toString();
  }

  private static String group(Matcher m, String name) {
    String g = null;
    boolean numeric = true;
    for (int k = 0; k < name.length(); k++) {
      if (!Character.isDigit(name.charAt(k))) {
        numeric = false;
        break;
      }
    }
    try {
      if (numeric) {
        int n = Integer.parseInt(name);
        if (n <= m.groupCount()) {
          g = m.group(n);
        }
      } else {
        g = m.group(name);
      }
    } catch (RuntimeException e) {
      g = null;
    }
    return g == null ? "" : g;
  }

  private static boolean isName(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (!isNameChar(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
