package dev.tocsin.logql.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A path of {@code | json label="path"} ({@code log/jsonexpr}): fields joined by dots, {@code
 * ["quoted key"]} and {@code [index]}.
 */
final class JsonPath {
  private final List<Object> steps;

  private JsonPath(List<Object> steps) {
    this.steps = steps;
  }

  static JsonPath parse(String expr) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = expr.length();
    boolean needField = true;
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '[') {
        int end = expr.indexOf(']', i);
        if (end < 0) {
          throw invalid(expr);
        }
        String inner = expr.substring(i + 1, end).strip();
        if (inner.length() >= 2 && inner.startsWith("\"") && inner.endsWith("\"")) {
          steps.add(inner.substring(1, inner.length() - 1));
        } else {
          try {
            steps.add(Integer.valueOf(inner));
          } catch (NumberFormatException e) {
            throw invalid(expr);
          }
        }
        i = end + 1;
        needField = false;
        continue;
      }
      if (c == '.') {
        if (steps.isEmpty() || i + 1 >= n) {
          throw invalid(expr);
        }
        i++;
        needField = true;
        continue;
      }
      if (!needField) {
        throw invalid(expr);
      }
      int start = i;
      while (i < n && expr.charAt(i) != '.' && expr.charAt(i) != '[') {
        char d = expr.charAt(i);
        if (!(Character.isLetterOrDigit(d) || d == '_' || d == '-')) {
          throw invalid(expr);
        }
        i++;
      }
      steps.add(expr.substring(start, i));
      needField = false;
    }
    if (steps.isEmpty()) {
      throw invalid(expr);
    }
    return new JsonPath(steps);
  }

  private static PipelineException invalid(String expr) {
    return new PipelineException("cannot parse expression [" + expr + "]: syntax error");
  }

  /** The label value at this path: strings unescaped, other scalars raw, containers as raw JSON, nothing as empty. */
  String select(Json.Value root) {
    Json.Value v = root;
    for (Object step : steps) {
      if (step instanceof String field && v instanceof Json.ObjectValue o) {
        v = o.fields().get(field);
      } else if (step instanceof Integer idx && v instanceof Json.ArrayValue a) {
        v = idx >= 0 && idx < a.items().size() ? a.items().get(idx) : null;
      } else {
        return "";
      }
      if (v == null) {
        return "";
      }
    }
    if (v instanceof Json.StringValue s) {
      return s.value();
    }
    if (v instanceof Json.RawValue r) {
      return r.text();
    }
    if (v instanceof Json.ObjectValue o) {
      return o.raw();
    }
    if (v instanceof Json.ArrayValue a) {
      return a.raw();
    }
    return "";
  }
}
