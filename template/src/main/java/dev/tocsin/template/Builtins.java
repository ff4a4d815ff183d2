package dev.tocsin.template;

import dev.tocsin.template.GoValues.Kind;
import dev.tocsin.template.fmt.GoEscape;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.value.GoHtml;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Go text/template's predefined functions, with Go's signatures and error messages. */
final class Builtins {
  private Builtins() {}

  private static final Map<String, GoFunction> BUILTINS = new HashMap<>();

  static {
    GoType v = GoType.VALUE;
    GoType a = GoType.ANY;
    add(GoFunction.variadic("and", args -> null, v, v));
    add(GoFunction.variadic("or", args -> null, v, v));
    add(GoFunction.variadic("call", Builtins::call, v, v));
    add(GoFunction.variadic("html", args -> GoEscape.html(evalArgs(args)), a));
    add(GoFunction.variadic("index", Builtins::index, v, v));
    add(GoFunction.variadic("slice", Builtins::slice, v, v));
    add(GoFunction.variadic("js", args -> GoEscape.js(evalArgs(args)), a));
    add(GoFunction.of("len", Builtins::len, v));
    add(GoFunction.of("not", args -> !GoValues.truth(args.get(0)), v));
    add(GoFunction.variadic("print", GoFmt::sprint, a));
    add(GoFunction.variadic("printf", args -> GoFmt.sprintf((String) args.get(0), args.subList(1, args.size())), a, GoType.STRING));
    add(GoFunction.variadic("println", GoFmt::sprintln, a));
    add(GoFunction.variadic("urlquery", args -> GoEscape.query(evalArgs(args)), a));
    add(GoFunction.variadic("eq", Builtins::eq, v, v));
    add(GoFunction.of("ge", args -> !lt(args.get(0), args.get(1)), v, v));
    add(GoFunction.of("gt", args -> !le(args.get(0), args.get(1)), v, v));
    add(GoFunction.of("le", args -> le(args.get(0), args.get(1)), v, v));
    add(GoFunction.of("lt", args -> lt(args.get(0), args.get(1)), v, v));
    add(GoFunction.of("ne", args -> !eq2(args.get(0), args.get(1)), v, v));
  }

  private static void add(GoFunction f) {
    BUILTINS.put(f.name(), f);
  }

  static GoFunction get(String name) {
    return BUILTINS.get(name);
  }

  private static final String BAD_COMPARISON = "incompatible types for comparison";
  private static final String BAD_COMPARISON_TYPE = "invalid type for comparison";

  private static Object eq(List<Object> args) {
    if (args.size() < 2) {
      throw new FunctionException("missing argument for comparison");
    }
    Object a1 = args.get(0);
    for (int i = 1; i < args.size(); i++) {
      if (eq2(a1, args.get(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean eq2(Object a1, Object a2) {
    Kind k1 = GoValues.kind(a1);
    Kind k2 = GoValues.kind(a2);
    if (k1 != k2) {
      if (a1 != null && a2 != null) {
        throw new FunctionException(BAD_COMPARISON);
      }
      return false;
    }
    switch (k1) {
      case BOOL, INT, FLOAT:
        return a1.equals(a2) || (k1 == Kind.FLOAT && (double) (Double) a1 == (double) (Double) a2);
      case STRING:
        return GoValues.stringOf(a1).equals(GoValues.stringOf(a2));
      case INVALID:
        return true;
      default:
        if (a1 instanceof GoMap || a1 instanceof GoSlice || a1 instanceof List<?>) {
          throw new FunctionException("non-comparable type " + GoFmt.sprint(List.of(a1)) + ": " + GoFmt.typeName(a1));
        }
        if (!GoFmt.typeName(a1).equals(GoFmt.typeName(a2))) {
          throw new FunctionException(BAD_COMPARISON);
        }
        return a1 == a2 || a1.equals(a2);
    }
  }

  private static Kind basicKind(Object v) {
    Kind k = GoValues.kind(v);
    if (k == Kind.INVALID || k == Kind.OTHER) {
      throw new FunctionException(BAD_COMPARISON_TYPE);
    }
    return k;
  }

  static boolean lt(Object a1, Object a2) {
    Kind k1 = basicKind(a1);
    Kind k2 = basicKind(a2);
    if (k1 != k2) {
      throw new FunctionException(BAD_COMPARISON);
    }
    return switch (k1) {
      case BOOL -> throw new FunctionException(BAD_COMPARISON_TYPE);
      case FLOAT -> (Double) a1 < (Double) a2;
      case INT -> (Long) a1 < (Long) a2;
      default -> compareGoStrings(GoValues.stringOf(a1), GoValues.stringOf(a2)) < 0;
    };
  }

  static boolean le(Object a1, Object a2) {
    return lt(a1, a2) || eq2(a1, a2);
  }

  /** Go compares strings bytewise (UTF-8), which differs from UTF-16 order only for surrogates. */
  static int compareGoStrings(String a, String b) {
    return a.compareTo(b);
  }

  private static Object len(List<Object> args) {
    Object v = args.get(0);
    if (v instanceof String s) {
      return (long) s.getBytes(StandardCharsets.UTF_8).length;
    } else if (v instanceof GoHtml h) {
      return (long) h.value().getBytes(StandardCharsets.UTF_8).length;
    } else if (v instanceof GoMap m) {
      return (long) m.size();
    } else if (v instanceof GoSlice s) {
      return (long) s.size();
    } else if (v instanceof List<?> l) {
      return (long) l.size();
    }
    if (v == null) {
      // Go panics inside reflect here; text/template reports the panic text.
      throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
    }
    throw new FunctionException("len of type " + GoFmt.typeName(v));
  }

  private static long indexArg(Object index, int cap) {
    long x;
    if (index instanceof Long l) {
      x = l;
    } else if (index == null) {
      throw new FunctionException("cannot index slice/array with nil");
    } else {
      throw new FunctionException("cannot index slice/array with type " + GoFmt.typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new FunctionException("index out of range: " + x);
    }
    return x;
  }

  private static Object index(List<Object> args) {
    Object item = args.get(0);
    if (item == null) {
      throw new FunctionException("index of untyped nil");
    }
    for (int i = 1; i < args.size(); i++) {
      Object index = args.get(i);
      if (item == null) {
        throw new FunctionException("index of nil pointer");
      }
      if (item instanceof String || item instanceof GoSlice || item instanceof List<?>) {
        int len;
        if (item instanceof String s) {
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          len = b.length;
          long x = indexArg(index, len);
          if (x == len) {
            throw new FunctionException("reflect: string index out of range");
          }
          item = (long) (b[(int) x] & 0xff);
          continue;
        }
        List<?> list = item instanceof GoSlice gs ? gs.items() : (List<?>) item;
        len = list.size();
        long x = indexArg(index, len);
        if (x == len) {
          throw new FunctionException("reflect: slice index out of range");
        }
        item = list.get((int) x);
      } else if (item instanceof GoMap m) {
        if (index == null) {
          throw new FunctionException("value is nil; should be of type string");
        }
        if (!(index instanceof String key)) {
          throw new FunctionException("value has type " + GoFmt.typeName(index) + "; should be string");
        }
        item = m.containsKey(key) ? m.get(key) : m.zero();
      } else {
        throw new FunctionException("can't index item of type " + GoFmt.typeName(item));
      }
    }
    return item;
  }

  private static Object slice(List<Object> args) {
    Object item = args.get(0);
    if (item == null) {
      throw new FunctionException("slice of untyped nil");
    }
    if (args.size() > 4) {
      throw new FunctionException("too many slice indexes: " + (args.size() - 1));
    }
    int cap;
    if (item instanceof String s) {
      if (args.size() == 4) {
        throw new FunctionException("cannot 3-index slice a string");
      }
      cap = s.getBytes(StandardCharsets.UTF_8).length;
    } else if (item instanceof GoSlice gs) {
      cap = gs.size();
    } else if (item instanceof List<?> l) {
      cap = l.size();
    } else {
      throw new FunctionException("can't slice item of type " + GoFmt.typeName(item));
    }
    long[] idx = {0, cap, cap};
    for (int i = 1; i < args.size(); i++) {
      idx[i - 1] = indexArg(args.get(i), cap);
    }
    if (idx[0] > idx[1]) {
      throw new FunctionException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (args.size() == 4 && idx[1] > idx[2]) {
      throw new FunctionException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (item instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      return new String(b, (int) idx[0], (int) (idx[1] - idx[0]), StandardCharsets.UTF_8);
    }
    List<?> list = item instanceof GoSlice gs ? gs.items() : (List<?>) item;
    String type = item instanceof GoSlice gs ? gs.goType() : GoSlice.ANY_SLICE;
    return new GoSlice(type, new ArrayList<>(list.subList((int) idx[0], (int) idx[1])));
  }

  private static Object call(List<Object> args) {
    Object fn = args.get(0);
    if (fn == null) {
      throw new FunctionException("call of nil");
    }
    throw new FunctionException("non-function of type " + GoFmt.typeName(fn));
  }

  /** Go's {@code evalArgs}: one string argument as is, otherwise {@code fmt.Sprint}. */
  static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>(args.size());
    for (Object o : args) {
      printable.add(o);
    }
    return GoFmt.sprint(printable);
  }


}
