package dev.tocsin.promql.engine;

import dev.tocsin.model.LabelNames;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.AggregateOp;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregation operators, with Prometheus' numerics: Kahan summation for sum and avg (switching
 * to an incremental mean on overflow), Welford's method for stddev/stdvar, NaN handling in
 * min/max/topk/bottomk, and the grouping rules of {@code by} and {@code without}.
 */
final class Aggregations {
  private Aggregations() {}

  static EvalValue aggregate(Evaluator ev, AggregateExpr e) {
    long t = ev.now();
    AggregateOp op = e.op();
    double param = Double.NaN;
    String valueLabel = null;
    if (op == AggregateOp.COUNT_VALUES) {
      valueLabel = ((StringValue) ev.eval(e.param(), t)).value();
      if (!LabelNames.isValidLabelName(valueLabel) || valueLabel.indexOf('\uFFFD') >= 0) {
        throw new EvalException("invalid label name " + sourceOf(ev, e.param(), valueLabel));
      }
    } else if (op.hasParam()) {
      param = ev.evalScalar(e.param(), t);
    }
    InstantVector input = ev.evalVector(e.expr(), t);
    int paramPos = e.param() == null ? e.span().start() : e.param().span().start();
    switch (op) {
      case QUANTILE -> {
        if (Double.isNaN(param) || param < 0 || param > 1) {
          ev.annotations().warn("quantile value should be between 0 and 1, got " + GoFloat.formatG(param), paramPos);
        }
      }
      case TOPK, BOTTOMK, LIMITK -> {
        if (Double.isNaN(param)) {
          throw new EvalException("Parameter value is NaN");
        }
        if (param > Long.MAX_VALUE || param < Long.MIN_VALUE) {
          throw new EvalException("Scalar value " + GoFloat.formatG(param) + " overflows int64");
        }
      }
      case LIMIT_RATIO -> {
        if (Double.isNaN(param)) {
          throw new EvalException("Ratio value is NaN");
        }
        if (param < -1 || param > 1) {
          ev.annotations().warn("ratio value should be between -1 and 1, got " + GoFloat.formatG(param), paramPos);
        }
      }
      default -> {}
    }
    List<String> grouping = e.grouping();
    if (op == AggregateOp.COUNT_VALUES) {
      return countValues(e, input, valueLabel, grouping);
    }
    Map<Labels, Group> groups = new LinkedHashMap<>();
    LabelsCache keys = ev.cache(e, "grouping", m -> groupingLabels(m, grouping, e.without()));
    for (EvalSample s : input.samples()) {
      Labels key = keys.apply(s.metric());
      Group g = groups.get(key);
      if (g == null) {
        g = new Group(key);
        groups.put(key, g);
      }
      g.members.add(s);
      g.dropName |= s.dropName();
    }
    List<EvalSample> out = new ArrayList<>();
    for (Group g : groups.values()) {
      switch (op) {
        case TOPK, BOTTOMK -> out.addAll(topBottom(g.members, param, op == AggregateOp.TOPK));
        case LIMITK -> {
          long k = Math.min((long) param, g.members.size());
          for (int i = 0; i < k; i++) {
            out.add(g.members.get(i));
          }
        }
        case LIMIT_RATIO -> {
          for (EvalSample s : g.members) {
            if (inRatio(param, s.metric())) {
              out.add(s);
            }
          }
        }
        default -> out.add(new EvalSample(g.labels, reduce(op, g.members, param), g.dropName));
      }
    }
    return new InstantVector(out);
  }

  /** The literal as written, for error messages that quote it as Go would (including bad bytes). */
  private static String sourceOf(Evaluator ev, Expr param, String value) {
    Expr p = param;
    while (p instanceof ParenExpr pe) {
      p = pe.expr();
    }
    if (p instanceof StringLiteral lit) {
      String text = ev.query().substring(lit.span().start(), Math.min(lit.span().end(), ev.query().length()));
      if (text.startsWith("\"")) {
        return text;
      }
    }
    return dev.tocsin.promql.ast.GoQuote.quote(value);
  }

  static Labels groupingLabels(Labels metric, List<String> grouping, boolean without) {
    if (without) {
      List<String> drop = new ArrayList<>(grouping.size() + 1);
      drop.addAll(grouping);
      drop.add(Labels.METRIC_NAME);
      return metric.without(drop);
    }
    if (grouping.isEmpty()) {
      return Labels.EMPTY;
    }
    return metric.keepOnly(grouping);
  }

  private static double reduce(AggregateOp op, List<EvalSample> members, double q) {
    int n = members.size();
    switch (op) {
      case SUM -> {
        KahanSum k = new KahanSum();
        for (EvalSample s : members) {
          k.add(s.value());
        }
        return k.rawSum() + k.compensation();
      }
      case AVG -> {
        return average(members);
      }
      case COUNT -> {
        return n;
      }
      case GROUP -> {
        return 1;
      }
      case MIN, MAX -> {
        double v = members.get(0).value();
        for (int i = 1; i < n; i++) {
          double f = members.get(i).value();
          if (op == AggregateOp.MAX ? (v < f || Double.isNaN(v)) : (v > f || Double.isNaN(v))) {
            v = f;
          }
        }
        return v;
      }
      case STDDEV, STDVAR -> {
        double first = members.get(0).value();
        double mean = first;
        double value = Double.isNaN(first) || Double.isInfinite(first) ? Double.NaN : 0;
        double count = 1;
        for (int i = 1; i < n; i++) {
          double f = members.get(i).value();
          count++;
          double delta = f - mean;
          mean += delta / count;
          value += delta * (f - mean);
        }
        return op == AggregateOp.STDVAR ? value / count : Math.sqrt(value / count);
      }
      case QUANTILE -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = members.get(i).value();
        }
        return Quantiles.quantile(q, values);
      }
      default -> throw new IllegalStateException("not a reducing aggregation: " + op);
    }
  }

  /** Prometheus' avg: a Kahan-compensated sum divided at the end, or an incremental mean on overflow. */
  private static double average(List<EvalSample> members) {
    return KahanSum.mean(members.size(), i -> members.get(i).value());
  }

  /**
   * topk/bottomk: the k largest (smallest) values, NaN ranking last either way, in descending
   * (ascending) order for an instant query.
   */
  private static List<EvalSample> topBottom(List<EvalSample> members, double param, boolean top) {
    long k = Math.min((long) param, members.size());
    if (k < 1) {
      return List.of();
    }
    Comparator<EvalSample> order =
        (a, b) -> {
          double x = a.value();
          double y = b.value();
          boolean xn = Double.isNaN(x);
          boolean yn = Double.isNaN(y);
          if (xn || yn) {
            return xn == yn ? 0 : (xn ? 1 : -1);
          }
          return top ? Double.compare(y, x) : Double.compare(x, y);
        };
    EvalSample[] sorted = members.toArray(new EvalSample[0]);
    Arrays.sort(sorted, order);
    List<EvalSample> out = new ArrayList<>((int) k);
    for (int i = 0; i < k; i++) {
      out.add(sorted[i]);
    }
    return out;
  }

  /** limit_ratio's deterministic sampling by a hash of the labels, as Prometheus' HashRatioSampler. */
  private static boolean inRatio(double ratio, Labels metric) {
    double offset = (Integer.toUnsignedLong(metric.hashCode()) & 0xffffffffL) / 4294967296.0;
    return (ratio >= 0 && offset < ratio) || (ratio < 0 && offset >= 1.0 + ratio);
  }

  private static InstantVector countValues(
      AggregateExpr e, InstantVector input, String valueLabel, List<String> grouping) {
    List<String> keys = new ArrayList<>(grouping);
    if (!e.without()) {
      keys.add(valueLabel);
    }
    Map<Labels, int[]> counts = new LinkedHashMap<>();
    for (EvalSample s : input.samples()) {
      Labels withValue = s.metric().toBuilder().put(valueLabel, formatValue(s.value())).build();
      Labels key = groupingLabels(withValue, keys, e.without());
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
    }
    List<EvalSample> out = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> out.add(new EvalSample(k, c[0], false)));
    return new InstantVector(out);
  }

  /** Go's strconv.FormatFloat(f, 'f', -1, 64). */
  static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** The members of one output group. */
  private static final class Group {
    final Labels labels;
    final List<EvalSample> members = new ArrayList<>();
    boolean dropName;

    Group(Labels labels) {
      this.labels = labels;
    }
  }
}
