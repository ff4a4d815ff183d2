package dev.tocsin.template;

import dev.tocsin.model.Labels;
import dev.tocsin.template.value.GoHtml;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoStringer;
import dev.tocsin.template.value.GoStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go semantics over the Java representation of values: truth, comparison kinds, conversion. */
public final class GoValues {
  private GoValues() {}

  /** Go's {@code isTrue}: non-zero numbers, non-empty strings/maps/slices, non-nil, true. */
  public static boolean truth(Object v) {
    if (v == null) {
      return false;
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof GoHtml h) {
      return !h.value().isEmpty();
    } else if (v instanceof Double d) {
      return d != 0;
    } else if (v instanceof Long l) {
      return l != 0;
    } else if (v instanceof GoMap m) {
      return m.size() > 0;
    } else if (v instanceof GoSlice s) {
      return s.size() > 0;
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }

  /** Converts plain Java values (maps, lists, Labels, ints, floats) into the Go representation. */
  public static Object of(Object v) {
    if (v == null || v instanceof String || v instanceof Double || v instanceof Long || v instanceof Boolean
        || v instanceof GoMap || v instanceof GoSlice || v instanceof GoStruct || v instanceof GoStringer) {
      return v;
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    } else if (v instanceof Float f) {
      return f.doubleValue();
    } else if (v instanceof Labels l) {
      return GoMap.of(l);
    } else if (v instanceof Map<?, ?> m) {
      boolean allStrings = true;
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object val = of(e.getValue());
        allStrings &= val instanceof String;
        out.put(String.valueOf(e.getKey()), val);
      }
      if (allStrings && !out.isEmpty()) {
        Map<String, String> s = new LinkedHashMap<>();
        out.forEach((k, val) -> s.put(k, (String) val));
        return GoMap.ofStrings(s);
      }
      return GoMap.ofValues(out);
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(of(o));
      }
      return GoSlice.of(out);
    } else if (v instanceof Character c) {
      return (long) c;
    }
    return v;
  }

  /** Go's reflect kinds that comparisons distinguish. */
  enum Kind {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING,
    OTHER
  }

  static Kind kind(Object v) {
    if (v == null) {
      return Kind.INVALID;
    } else if (v instanceof Boolean) {
      return Kind.BOOL;
    } else if (v instanceof Long) {
      return Kind.INT;
    } else if (v instanceof Double) {
      return Kind.FLOAT;
    } else if (v instanceof String || v instanceof GoHtml) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  static String stringOf(Object v) {
    return v instanceof GoHtml h ? h.value() : (String) v;
  }
}
