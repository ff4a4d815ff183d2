package dev.tocsin.template;

import java.util.List;

/**
 * A function callable from templates, with a Go signature: fixed parameter types and an optional
 * variadic element type. The body receives Go values (null for nil) and returns one; it fails by
 * throwing {@link FunctionException} (any other runtime exception is treated as a Go panic, which
 * text/template also reports as {@code error calling NAME: ...}).
 *
 * @param name the name templates use
 * @param params the fixed parameter types
 * @param variadic the element type of the trailing {@code ...} parameter, or null
 * @param body the implementation
 */
public record GoFunction(String name, List<GoType> params, GoType variadic, Body body) {
  /** The implementation of a template function. */
  @FunctionalInterface
  public interface Body {
    Object call(List<Object> args);
  }

  public GoFunction {
    params = List.copyOf(params);
  }

  /** A function with fixed parameters. */
  public static GoFunction of(String name, Body body, GoType... params) {
    return new GoFunction(name, List.of(params), null, body);
  }

  /** A function with fixed parameters followed by {@code ...variadic}. */
  public static GoFunction variadic(String name, Body body, GoType variadic, GoType... params) {
    return new GoFunction(name, List.of(params), variadic, body);
  }

  /** Go's {@code NumIn()}: the fixed parameters plus one for the variadic slice. */
  int numIn() {
    return params.size() + (variadic != null ? 1 : 0);
  }
}
