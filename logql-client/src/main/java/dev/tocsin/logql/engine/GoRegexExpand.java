package dev.tocsin.logql.engine;

import com.google.re2j.Matcher;

/** Go's {@code Regexp.Expand} template syntax for {@code label_replace}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
final class GoRegexExpand {
  private GoRegexExpand() {}

  static String expand(String template, Matcher m) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      char d = template.charAt(i + 1);
      if (d == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (d == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        next = close + 1;
      } else {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
          j++;
        }
        name = template.substring(i + 1, j);
        next = j;
      }
      if (name.isEmpty()) {
        out.append(c);
        i++;
        continue;
      }
      out.append(group(m, name));
      i = next;
    }
    return out.toString();
  }

  private static String group(Matcher m, String name) {
    boolean numeric = name.chars().allMatch(Character::isDigit);
    try {
      String v;
      if (numeric) {
        int idx = Integer.parseInt(name);
        v = idx <= m.groupCount() ? m.group(idx) : null;
      } else {
        v = m.pattern().namedGroups().containsKey(name) ? m.group(name) : null;
      }
      return v == null ? "" : v;
    } catch (NumberFormatException e) {
      return "";
    }
  }
}
