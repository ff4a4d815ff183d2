package dev.tocsin.template;

import java.util.function.Predicate;

/**
 * The Go type of a function parameter, which decides how the executor converts literals and checks
 * values, with Go's messages ({@code expected string; found 3}, {@code wrong type for value;
 * expected string; got float64}).
 *
 * @param goName the Go type name
 * @param kind how literals are converted
 * @param accepts which Java values are assignable
 * @param nilable whether nil is assignable (pointers, slices, maps, interfaces)
 */
public record GoType(String goName, Kind kind, Predicate<Object> accepts, boolean nilable) {
  /** Literal conversion rules, after Go's {@code evalArg}. */
  public enum Kind {
    STRING,
    FLOAT,
    INT,
    BOOL,
    /** {@code interface {}}: any value. */
    ANY,
    /** {@code reflect.Value}, used by builtins: any value, but a nil literal is rejected. */
    VALUE,
    /** Any other type: values must pass {@code accepts}; literals are rejected. */
    OTHER
  }

  public static final GoType STRING = new GoType("string", Kind.STRING, v -> v instanceof String, false);
  public static final GoType FLOAT64 = new GoType("float64", Kind.FLOAT, v -> v instanceof Double, false);
  public static final GoType INT = new GoType("int", Kind.INT, v -> v instanceof Long, false);
  public static final GoType BOOL = new GoType("bool", Kind.BOOL, v -> v instanceof Boolean, false);
  public static final GoType ANY = new GoType("interface {}", Kind.ANY, v -> true, true);
  public static final GoType VALUE = new GoType("reflect.Value", Kind.VALUE, v -> true, true);

  /** A named type whose values are recognised by the predicate. */
  public static GoType of(String goName, Predicate<Object> accepts, boolean nilable) {
    return new GoType(goName, Kind.OTHER, accepts, nilable);
  }
}
