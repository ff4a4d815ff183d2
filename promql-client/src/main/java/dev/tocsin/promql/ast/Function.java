package dev.tocsin.promql.ast;

import java.util.List;
import java.util.Objects;

/**
 * The signature of a PromQL function.
 *
 * @param variadic 0 for a fixed argument list; n &gt; 0 when the last argument type may appear up
 *     to n more times (so it is optional when n is 1); -1 when it may repeat without limit
 */
public record Function(
    String name, List<ValueType> argTypes, int variadic, ValueType returnType, boolean experimental) {
  public Function {
    Objects.requireNonNull(name, "name is null");
    argTypes = List.copyOf(argTypes);
    Objects.requireNonNull(returnType, "returnType is null");
    if (variadic < -1) {
      throw new IllegalArgumentException("variadic must be -1 or more");
    }
  }
}
