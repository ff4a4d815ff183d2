package dev.tocsin.engine.unittest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The structural JSON diff that promtool 3.x prints with {@code test rules --diff}: both values
 * pretty-printed as one document with four-space indents, unchanged parts plain, keys and elements
 * only on the received side green ("added"), only on the expected side red ("removed"), and
 * differing scalars yellow as {@code expected => received}. Values are strings, lists and maps
 * (printed in key order, as Go's encoding sorts them).
 */
final class JsonDiff {
  private static final String NORMAL = "";
  private static final String ADDED = "\033[0;32m";
  private static final String REMOVED = "\033[0;31m";
  private static final String CHANGED = "\033[0;33m";
  private static final String END = "\033[0m";

  private final StringBuilder buf = new StringBuilder();
  private int level;
  private String lastTag;
  private boolean same = true;

  private JsonDiff() {}

  /** The diff of expected and received, or {@code null} when they are equal. */
  static String diff(Object expected, Object received) {
    JsonDiff d = new JsonDiff();
    d.print(expected, received);
    if (d.lastTag != null && !d.lastTag.isEmpty()) {
      d.buf.append(END);
    }
    return d.same ? null : d.buf.toString();
  }

  private void newline(String s) {
    buf.append(s);
    boolean colored = lastTag != null && !lastTag.isEmpty();
    if (colored) {
      buf.append(END);
    }
    buf.append('\n');
    buf.append("    ".repeat(level));
    if (colored) {
      buf.append(lastTag);
    }
  }

  private void tag(String t) {
    if (t.equals(lastTag)) {
      return;
    }
    if (lastTag != null && !lastTag.isEmpty()) {
      buf.append(END);
    }
    buf.append(t);
    lastTag = t;
  }

  private void key(String k) {
    buf.append(quote(k)).append(": ");
  }

  private void print(Object a, Object b) {
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      int max = Math.max(la.size(), lb.size());
      tag(NORMAL);
      if (max == 0) {
        buf.append('[');
      } else {
        level++;
        newline("[");
      }
      for (int i = 0; i < max; i++) {
        if (i < la.size() && i < lb.size()) {
          print(la.get(i), lb.get(i));
        } else if (i < la.size()) {
          tag(REMOVED);
          write(la.get(i), true);
          same = false;
        } else {
          tag(ADDED);
          write(lb.get(i), true);
          same = false;
        }
        tag(NORMAL);
        closeItem(i, max);
      }
      buf.append(']');
      return;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      TreeSet<String> keys = new TreeSet<>();
      ma.keySet().forEach(k -> keys.add((String) k));
      mb.keySet().forEach(k -> keys.add((String) k));
      tag(NORMAL);
      if (keys.isEmpty()) {
        buf.append('{');
      } else {
        level++;
        newline("{");
      }
      int i = 0;
      for (String k : keys) {
        boolean inA = ma.containsKey(k);
        boolean inB = mb.containsKey(k);
        if (inA && inB) {
          key(k);
          print(ma.get(k), mb.get(k));
        } else if (inA) {
          tag(REMOVED);
          key(k);
          write(ma.get(k), true);
          same = false;
        } else {
          tag(ADDED);
          key(k);
          write(mb.get(k), true);
          same = false;
        }
        tag(NORMAL);
        closeItem(i++, keys.size());
      }
      buf.append('}');
      return;
    }
    if (a == null ? b == null : a.equals(b)) {
      tag(NORMAL);
      write(a, true);
      return;
    }
    tag(CHANGED);
    write(a, false);
    buf.append(" => ");
    write(b, false);
    same = false;
  }

  private void closeItem(int i, int count) {
    if (i != count - 1) {
      newline(",");
    } else {
      level--;
      newline("");
    }
  }

  private void write(Object v, boolean full) {
    if (v instanceof String s) {
      buf.append(quote(s));
    } else if (v instanceof List<?> l) {
      if (!full) {
        buf.append("[]");
        return;
      }
      if (l.isEmpty()) {
        buf.append('[');
      } else {
        level++;
        newline("[");
      }
      for (int i = 0; i < l.size(); i++) {
        write(l.get(i), true);
        closeItem(i, l.size());
      }
      buf.append(']');
    } else if (v instanceof Map<?, ?> m) {
      if (!full) {
        buf.append("{}");
        return;
      }
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put((String) k, x));
      if (sorted.isEmpty()) {
        buf.append('{');
      } else {
        level++;
        newline("{");
      }
      int i = 0;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        key(e.getKey());
        write(e.getValue(), true);
        closeItem(i++, sorted.size());
      }
      buf.append('}');
    } else {
      buf.append("null");
    }
  }

  private static String quote(String s) {
    return RuleUnitTester.goQuote(s);
  }
}
