package dev.tocsin.promql.parser;

import static dev.tocsin.promql.ast.ValueType.MATRIX;
import static dev.tocsin.promql.ast.ValueType.SCALAR;
import static dev.tocsin.promql.ast.ValueType.STRING;
import static dev.tocsin.promql.ast.ValueType.VECTOR;

import dev.tocsin.promql.ast.Function;
import dev.tocsin.promql.ast.ValueType;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every PromQL function of Prometheus 3.x (promql/parser/functions.go around d15adb9), with
 * argument and return types; the experimental ones are accepted only with {@link
 * ParserOptions#experimentalFunctions()}. Function names are looked up here, never in the grammar.
 * {@code min_of} and {@code max_of} appear in the conformance scripts but not in the functions.go
 * that was read, so they are entered as experimental (scalar, scalar) → scalar functions.
 */
public final class Functions {
  private static final Map<String, Function> TABLE;

  static {
    Map<String, Function> table = new TreeMap<>();
    add(table, "abs", List.of(VECTOR), 0, VECTOR, false);
    add(table, "absent", List.of(VECTOR), 0, VECTOR, false);
    add(table, "absent_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "acos", List.of(VECTOR), 0, VECTOR, false);
    add(table, "acosh", List.of(VECTOR), 0, VECTOR, false);
    add(table, "asin", List.of(VECTOR), 0, VECTOR, false);
    add(table, "asinh", List.of(VECTOR), 0, VECTOR, false);
    add(table, "atan", List.of(VECTOR), 0, VECTOR, false);
    add(table, "atanh", List.of(VECTOR), 0, VECTOR, false);
    add(table, "avg_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "ceil", List.of(VECTOR), 0, VECTOR, false);
    add(table, "changes", List.of(MATRIX), 0, VECTOR, false);
    add(table, "clamp", List.of(VECTOR, SCALAR, SCALAR), 0, VECTOR, false);
    add(table, "clamp_max", List.of(VECTOR, SCALAR), 0, VECTOR, false);
    add(table, "clamp_min", List.of(VECTOR, SCALAR), 0, VECTOR, false);
    add(table, "cos", List.of(VECTOR), 0, VECTOR, false);
    add(table, "cosh", List.of(VECTOR), 0, VECTOR, false);
    add(table, "count_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "day_of_month", List.of(VECTOR), 1, VECTOR, false);
    add(table, "day_of_week", List.of(VECTOR), 1, VECTOR, false);
    add(table, "day_of_year", List.of(VECTOR), 1, VECTOR, false);
    add(table, "days_in_month", List.of(VECTOR), 1, VECTOR, false);
    add(table, "deg", List.of(VECTOR), 0, VECTOR, false);
    add(table, "delta", List.of(MATRIX), 0, VECTOR, false);
    add(table, "deriv", List.of(MATRIX), 0, VECTOR, false);
    add(table, "double_exponential_smoothing", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR, true);
    add(table, "end", List.of(), 0, SCALAR, true);
    add(table, "exp", List.of(VECTOR), 0, VECTOR, false);
    add(table, "first_over_time", List.of(MATRIX), 0, VECTOR, true);
    add(table, "floor", List.of(VECTOR), 0, VECTOR, false);
    add(table, "histogram_avg", List.of(VECTOR), 0, VECTOR, false);
    add(table, "histogram_count", List.of(VECTOR), 0, VECTOR, false);
    add(table, "histogram_fraction", List.of(SCALAR, SCALAR, VECTOR), 0, VECTOR, false);
    add(table, "histogram_quantile", List.of(SCALAR, VECTOR), 0, VECTOR, false);
    add(table, "histogram_quantiles", List.of(VECTOR, STRING, SCALAR, SCALAR), 9, VECTOR, true);
    add(table, "histogram_stddev", List.of(VECTOR), 0, VECTOR, false);
    add(table, "histogram_stdvar", List.of(VECTOR), 0, VECTOR, false);
    add(table, "histogram_sum", List.of(VECTOR), 0, VECTOR, false);
    add(table, "hour", List.of(VECTOR), 1, VECTOR, false);
    add(table, "idelta", List.of(MATRIX), 0, VECTOR, false);
    add(table, "increase", List.of(MATRIX), 0, VECTOR, false);
    add(table, "info", List.of(VECTOR, VECTOR), 1, VECTOR, true);
    add(table, "integral", List.of(MATRIX, SCALAR), 1, VECTOR, true);
    add(table, "irate", List.of(MATRIX), 0, VECTOR, false);
    add(table, "label_join", List.of(VECTOR, STRING, STRING, STRING), -1, VECTOR, false);
    add(table, "label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, VECTOR, false);
    add(table, "last_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "ln", List.of(VECTOR), 0, VECTOR, false);
    add(table, "log10", List.of(VECTOR), 0, VECTOR, false);
    add(table, "log2", List.of(VECTOR), 0, VECTOR, false);
    add(table, "mad_over_time", List.of(MATRIX), 0, VECTOR, true);
    add(table, "max_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "min_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "max_of", List.of(SCALAR, SCALAR), 0, SCALAR, true);
    add(table, "min_of", List.of(SCALAR, SCALAR), 0, SCALAR, true);
    add(table, "minute", List.of(VECTOR), 1, VECTOR, false);
    add(table, "month", List.of(VECTOR), 1, VECTOR, false);
    add(table, "pi", List.of(), 0, SCALAR, false);
    add(table, "predict_linear", List.of(MATRIX, SCALAR), 0, VECTOR, false);
    add(table, "present_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "quantile_over_time", List.of(SCALAR, MATRIX), 0, VECTOR, false);
    add(table, "rad", List.of(VECTOR), 0, VECTOR, false);
    add(table, "range", List.of(), 0, SCALAR, true);
    add(table, "rate", List.of(MATRIX), 0, VECTOR, false);
    add(table, "resets", List.of(MATRIX), 0, VECTOR, false);
    add(table, "round", List.of(VECTOR, SCALAR), 1, VECTOR, false);
    add(table, "scalar", List.of(VECTOR), 0, SCALAR, false);
    add(table, "sgn", List.of(VECTOR), 0, VECTOR, false);
    add(table, "sin", List.of(VECTOR), 0, VECTOR, false);
    add(table, "sinh", List.of(VECTOR), 0, VECTOR, false);
    add(table, "sort", List.of(VECTOR), 0, VECTOR, false);
    add(table, "sort_by_label", List.of(VECTOR, STRING), -1, VECTOR, true);
    add(table, "sort_by_label_desc", List.of(VECTOR, STRING), -1, VECTOR, true);
    add(table, "sort_desc", List.of(VECTOR), 0, VECTOR, false);
    add(table, "sqrt", List.of(VECTOR), 0, VECTOR, false);
    add(table, "start", List.of(), 0, SCALAR, true);
    add(table, "stddev_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "stdvar_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "step", List.of(), 0, SCALAR, true);
    add(table, "sum_over_time", List.of(MATRIX), 0, VECTOR, false);
    add(table, "tan", List.of(VECTOR), 0, VECTOR, false);
    add(table, "tanh", List.of(VECTOR), 0, VECTOR, false);
    add(table, "time", List.of(), 0, SCALAR, false);
    add(table, "timestamp", List.of(VECTOR), 0, VECTOR, false);
    add(table, "ts_of_first_over_time", List.of(MATRIX), 0, VECTOR, true);
    add(table, "ts_of_last_over_time", List.of(MATRIX), 0, VECTOR, true);
    add(table, "ts_of_max_over_time", List.of(MATRIX), 0, VECTOR, true);
    add(table, "ts_of_min_over_time", List.of(MATRIX), 0, VECTOR, true);
    add(table, "vector", List.of(SCALAR), 0, VECTOR, false);
    add(table, "year", List.of(VECTOR), 1, VECTOR, false);
    TABLE = Collections.unmodifiableMap(table);
  }

  private Functions() {}

  private static void add(
      Map<String, Function> table,
      String name,
      List<ValueType> args,
      int variadic,
      ValueType returns,
      boolean experimental) {
    table.put(name, new Function(name, args, variadic, returns, experimental));
  }

  /** The function with this exact (case-sensitive) name. */
  public static Optional<Function> lookup(String name) {
    return Optional.ofNullable(TABLE.get(name));
  }

  /** Every function, in name order. */
  public static Collection<Function> all() {
    return TABLE.values();
  }
}
