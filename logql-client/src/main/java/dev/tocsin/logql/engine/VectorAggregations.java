package dev.tocsin.logql.engine;

import dev.tocsin.logql.ast.Grouping;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorOp;
import dev.tocsin.logql.engine.StepValue.StepSample;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.QueryException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LogQL's vector aggregations ({@code VectorAggEvaluator} in {@code evaluator.go}): grouping as
 * in PromQL, an empty input gives an empty output, {@code topk}/{@code bottomk} select samples with
 * their own labels, and {@code sort}/{@code sort_desc} put NaN last in both directions.
 */
final class VectorAggregations {
  private VectorAggregations() {}

  static List<StepSample> aggregate(VectorAggregation node, List<StepSample> in) {
    if (in.isEmpty()) {
      return List.of();
    }
    VectorOp op = node.op();
    if (op == VectorOp.SORT || op == VectorOp.SORT_DESC) {
      List<StepSample> out = new ArrayList<>(in);
      out.sort(byValue(op == VectorOp.SORT_DESC));
      return out;
    }
    Grouping g = node.grouping().orElse(null);
    Map<Labels, List<StepSample>> groups = new LinkedHashMap<>();
    for (StepSample s : in) {
      groups.computeIfAbsent(groupKey(s.labels(), g), k -> new ArrayList<>()).add(s);
    }
    List<StepSample> out = new ArrayList<>();
    if (op == VectorOp.TOPK || op == VectorOp.BOTTOMK || op == VectorOp.APPROX_TOPK) {
      if (node.parameter().isEmpty()) {
        throw new QueryException(QueryException.ErrorType.BAD_DATA, "parameter required for operation " + op.symbol());
      }
      int k = node.parameter().getAsInt();
      if (k <= 0) {
        throw new QueryException(QueryException.ErrorType.BAD_DATA, "invalid parameter (must be greater than 0) " + k);
      }
      boolean top = op != VectorOp.BOTTOMK;
      for (List<StepSample> members : groups.values()) {
        List<StepSample> sorted = new ArrayList<>(members);
        sorted.sort(byValue(top));
        out.addAll(sorted.subList(0, Math.min(k, sorted.size())));
      }
      return out;
    }
    for (Map.Entry<Labels, List<StepSample>> e : groups.entrySet()) {
      out.add(new StepSample(e.getKey(), reduce(op, e.getValue())));
    }
    return out;
  }

  private static Labels groupKey(Labels l, Grouping g) {
    if (g == null) {
      return Labels.EMPTY;
    }
    return g.without() ? l.without(g.labels()) : l.keepOnly(g.labels());
  }

  /** Ascending or descending by value, NaN last either way. */
  private static Comparator<StepSample> byValue(boolean descending) {
    return (a, b) -> {
      boolean an = Double.isNaN(a.value());
      boolean bn = Double.isNaN(b.value());
      if (an || bn) {
        return Boolean.compare(an, bn);
      }
      return descending ? Double.compare(b.value(), a.value()) : Double.compare(a.value(), b.value());
    };
  }

  private static double reduce(VectorOp op, List<StepSample> members) {
    switch (op) {
      case SUM: {
        double s = 0;
        for (StepSample m : members) {
          s += m.value();
        }
        return s;
      }
      case COUNT:
        return members.size();
      case AVG: {
        double[] v = new double[members.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = members.get(i).value();
        }
        return RangeFunctions.average(v, 0, v.length);
      }
      case MIN:
      case MAX: {
        double m = members.get(0).value();
        for (StepSample s : members) {
          double v = s.value();
          if ((op == VectorOp.MIN ? v < m : v > m) || Double.isNaN(m)) {
            m = v;
          }
        }
        return m;
      }
      case STDDEV:
      case STDVAR: {
        // Prometheus' aggregation Welford: the mean starts at the first value.
        double mean = members.get(0).value();
        double value = 0;
        int count = 1;
        for (int i = 1; i < members.size(); i++) {
          double v = members.get(i).value();
          count++;
          double delta = v - mean;
          mean += delta / count;
          value += delta * (v - mean);
        }
        if (Double.isNaN(mean)) {
          return Double.NaN;
        }
        double var = value / count;
        return op == VectorOp.STDDEV ? Math.sqrt(var) : var;
      }
      default:
        throw new IllegalStateException("unhandled aggregation " + op);
    }
  }
}
