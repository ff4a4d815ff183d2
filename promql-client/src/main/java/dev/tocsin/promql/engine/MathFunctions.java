package dev.tocsin.promql.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The element-wise math functions (abs, ln, trig, …) with Go's math package semantics. */
final class MathFunctions {
  private static final Map<String, DoubleUnaryOperator> TABLE = new HashMap<>();

  static {
    TABLE.put("abs", Math::abs);
    TABLE.put("ceil", Math::ceil);
    TABLE.put("floor", Math::floor);
    TABLE.put("exp", Math::exp);
    TABLE.put("sqrt", Math::sqrt);
    TABLE.put("ln", Math::log);
    TABLE.put("log2", MathFunctions::log2);
    TABLE.put("log10", Math::log10);
    TABLE.put("sin", Math::sin);
    TABLE.put("cos", Math::cos);
    TABLE.put("tan", Math::tan);
    TABLE.put("asin", Math::asin);
    TABLE.put("acos", Math::acos);
    TABLE.put("atan", Math::atan);
    TABLE.put("sinh", Math::sinh);
    TABLE.put("cosh", Math::cosh);
    TABLE.put("tanh", Math::tanh);
    TABLE.put("asinh", MathFunctions::asinh);
    TABLE.put("acosh", MathFunctions::acosh);
    TABLE.put("atanh", MathFunctions::atanh);
    TABLE.put("rad", v -> v * Math.PI / 180);
    TABLE.put("deg", v -> v * 180 / Math.PI);
    TABLE.put("sgn", v -> v < 0 ? -1 : (v > 0 ? 1 : v));
  }

  private MathFunctions() {}

  /** The function with this name, or {@code null}. */
  static DoubleUnaryOperator lookup(String name) {
    return TABLE.get(name);
  }

  /** Go's Log2 is exact for powers of two. */
  static double log2(double v) {
    if (v > 0 && !Double.isInfinite(v) && v == Math.scalb(1.0, Math.getExponent(v))) {
      return Math.getExponent(v);
    }
    return Math.log(v) / Math.log(2);
  }

  static double asinh(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    double a = Math.abs(x);
    double r = Math.log(a + Math.sqrt(a * a + 1));
    return x < 0 ? -r : r;
  }

  static double acosh(double x) {
    if (x < 1 || Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == 1) {
      return 0;
    }
    return Math.log(x + Math.sqrt(x * x - 1));
  }

  static double atanh(double x) {
    if (x < -1 || x > 1 || Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (x == -1) {
      return Double.NEGATIVE_INFINITY;
    }
    if (x == 0) {
      return x;
    }
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
