package dev.tocsin.promql.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.LabelNames;
import dev.tocsin.model.Labels;
import dev.tocsin.model.MatchType;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.VectorSelector;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Every float function of Prometheus 3.x, evaluated at one step. Range-vector functions follow
 * Prometheus' functions.go: rate/increase/delta with its extrapolation, Kahan sums in the
 * {@code *_over_time} functions, least-squares regression for deriv and predict_linear.
 */
final class FunctionCalls {
  private final Evaluator ev;

  FunctionCalls(Evaluator ev) {
    this.ev = ev;
  }

  EvalValue call(Call e) {
    String name = e.function().name();
    List<Expr> args = e.args();
    long t = ev.now();
    switch (name) {
      case "time":
        return new ScalarValue(t / 1000.0);
      case "pi":
        return new ScalarValue(Math.PI);
      case "min_of":
        return new ScalarValue(Math.min(ev.evalScalar(args.get(0), t), ev.evalScalar(args.get(1), t)));
      case "max_of":
        return new ScalarValue(Math.max(ev.evalScalar(args.get(0), t), ev.evalScalar(args.get(1), t)));
      case "start":
        return new ScalarValue(ev.queryStart() / 1000.0);
      case "end":
        return new ScalarValue(ev.queryEnd() / 1000.0);
      case "range":
        return new ScalarValue((ev.queryEnd() - ev.queryStart()) / 1000.0);
      case "step":
        return new ScalarValue(ev.queryStep() / 1000.0);
      case "info":
        throw new EvalException("function " + name + "() is not supported by the embedded engine");
      case "vector":
        return new InstantVector(List.of(new EvalSample(Labels.EMPTY, ev.evalScalar(args.get(0), t), false)));
      case "scalar": {
        List<EvalSample> v = ev.evalVector(args.get(0), t).samples();
        return new ScalarValue(v.size() == 1 ? v.get(0).value() : Double.NaN);
      }
      case "timestamp":
        return timestamp(args.get(0));
      case "label_replace":
        return labelReplace(args);
      case "label_join":
        return labelJoin(args);
      case "absent": {
        InstantVector v = ev.evalVector(args.get(0), t);
        if (!v.samples().isEmpty()) {
          return InstantVector.EMPTY;
        }
        return new InstantVector(List.of(new EvalSample(absentLabels(args.get(0)), 1, false)));
      }
      case "sort":
        return sortByValue(ev.evalVector(args.get(0), t), false);
      case "sort_desc":
        return sortByValue(ev.evalVector(args.get(0), t), true);
      case "sort_by_label":
        return sortByLabel(ev.evalVector(args.get(0), t), strings(args.subList(1, args.size())), false);
      case "sort_by_label_desc":
        return sortByLabel(ev.evalVector(args.get(0), t), strings(args.subList(1, args.size())), true);
      case "clamp": {
        InstantVector v = ev.evalVector(args.get(0), t);
        return clamp(v, ev.evalScalar(args.get(1), t), ev.evalScalar(args.get(2), t));
      }
      case "clamp_min": {
        InstantVector v = ev.evalVector(args.get(0), t);
        return clamp(v, ev.evalScalar(args.get(1), t), Double.POSITIVE_INFINITY);
      }
      case "clamp_max": {
        InstantVector v = ev.evalVector(args.get(0), t);
        return clamp(v, Double.NEGATIVE_INFINITY, ev.evalScalar(args.get(1), t));
      }
      case "round": {
        InstantVector v = ev.evalVector(args.get(0), t);
        double toNearest = args.size() > 1 ? ev.evalScalar(args.get(1), t) : 1;
        // Prometheus inverts first, which it found to cause fewer floating point surprises.
        double inverse = 1.0 / toNearest;
        return simple(v, f -> Math.floor(f * inverse + 0.5) / inverse);
      }
      case "histogram_quantile":
        return histogramQuantile(args);
      case "histogram_quantiles":
        return histogramQuantiles(args);
      case "histogram_fraction":
        return histogramFraction(args);
      case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar":
        // These read native histograms only; float samples are ignored, as in Prometheus.
        ev.evalVector(args.get(0), t);
        return InstantVector.EMPTY;
      case "days_in_month":
        return date(args, d -> d.toLocalDate().lengthOfMonth());
      case "day_of_month":
        return date(args, ZonedDateTime::getDayOfMonth);
      case "day_of_week":
        return date(args, d -> d.getDayOfWeek().getValue() % 7);
      case "day_of_year":
        return date(args, ZonedDateTime::getDayOfYear);
      case "hour":
        return date(args, ZonedDateTime::getHour);
      case "minute":
        return date(args, ZonedDateTime::getMinute);
      case "month":
        return date(args, ZonedDateTime::getMonthValue);
      case "year":
        return date(args, ZonedDateTime::getYear);
      default:
        break;
    }
    DoubleUnaryOperator math = MathFunctions.lookup(name);
    if (math != null) {
      return simple(ev.evalVector(args.get(0), t), math);
    }
    return RangeFunctions.call(ev, e);
  }

  private EvalValue timestamp(Expr arg) {
    Expr a = unwrap(arg);
    InstantVector v;
    if (a instanceof VectorSelector vs) {
      // A selector's own sample timestamps, not the evaluation time, as Prometheus special-cases.
      v = ev.selectorTimestamps(vs);
    } else {
      InstantVector in = ev.evalVector(arg, ev.now());
      List<EvalSample> out = new ArrayList<>(in.samples().size());
      for (EvalSample s : in.samples()) {
        out.add(new EvalSample(s.metric(), ev.now() / 1000.0, s.dropName()));
      }
      v = new InstantVector(out);
    }
    List<EvalSample> out = new ArrayList<>(v.samples().size());
    for (EvalSample s : v.samples()) {
      out.add(new EvalSample(ev.dropNameNow(s.metric()), s.value(), true));
    }
    return ev.checkUnique(new InstantVector(out));
  }

  static Expr unwrap(Expr e) {
    Expr x = e;
    while (x instanceof ParenExpr p) {
      x = p.expr();
    }
    return x;
  }

  /** Applies a float function to every sample; the name goes, as the value's meaning changes. */
  private InstantVector simple(InstantVector v, DoubleUnaryOperator f) {
    List<EvalSample> out = new ArrayList<>(v.samples().size());
    for (EvalSample s : v.samples()) {
      out.add(new EvalSample(ev.dropNameNow(s.metric()), f.applyAsDouble(s.value()), true));
    }
    return ev.checkUnique(new InstantVector(out));
  }

  private InstantVector clamp(InstantVector v, double min, double max) {
    if (max < min) {
      return InstantVector.EMPTY;
    }
    return simple(v, f -> Math.max(min, Math.min(max, f)));
  }

  private InstantVector date(List<Expr> args, java.util.function.ToIntFunction<ZonedDateTime> f) {
    if (args.isEmpty()) {
      ZonedDateTime d = Instant.ofEpochSecond(Math.floorDiv(ev.now(), 1000)).atZone(ZoneOffset.UTC);
      return new InstantVector(List.of(new EvalSample(Labels.EMPTY, f.applyAsInt(d), false)));
    }
    InstantVector v = ev.evalVector(args.get(0), ev.now());
    return simple(v, x -> {
      // Go's time.Unix(int64(x), 0): the float is truncated toward zero.
      long secs = (long) x;
      return f.applyAsInt(Instant.ofEpochSecond(secs).atZone(ZoneOffset.UTC));
    });
  }

  private static List<String> strings(List<Expr> args) {
    List<String> out = new ArrayList<>(args.size());
    for (Expr a : args) {
      out.add(((StringLiteral) unwrap(a)).value());
    }
    return out;
  }

  /** The labels absent() and absent_over_time() report: the selector's equality matchers. */
  static Labels absentLabels(Expr arg) {
    Expr a = unwrap(arg);
    List<LabelMatcher> matchers;
    if (a instanceof VectorSelector vs) {
      matchers = vs.matchers();
    } else if (a instanceof MatrixSelector ms) {
      matchers = ms.selector().matchers();
    } else {
      return Labels.EMPTY;
    }
    Map<String, String> set = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (LabelMatcher m : matchers) {
      if (m.name().equals(Labels.METRIC_NAME)) {
        continue;
      }
      // A label matched more than once, or not by equality, is left out (Prometheus' behaviour).
      if (m.type() == MatchType.EQUAL && !seen.contains(m.name())) {
        set.put(m.name(), m.value());
        seen.add(m.name());
      } else {
        set.remove(m.name());
        seen.add(m.name());
      }
    }
    return Labels.of(set).withoutEmpty();
  }

  private InstantVector sortByValue(InstantVector v, boolean descending) {
    List<EvalSample> out = new ArrayList<>(v.samples());
    out.sort(
        (a, b) -> {
          boolean an = Double.isNaN(a.value());
          boolean bn = Double.isNaN(b.value());
          if (an || bn) {
            return an == bn ? 0 : (an ? 1 : -1);
          }
          return descending ? Double.compare(b.value(), a.value()) : Double.compare(a.value(), b.value());
        });
    return new InstantVector(out);
  }

  private InstantVector sortByLabel(InstantVector v, List<String> labels, boolean descending) {
    Comparator<EvalSample> cmp =
        (a, b) -> {
          for (String l : labels) {
            String x = a.metric().getOrEmpty(l);
            String y = b.metric().getOrEmpty(l);
            if (x.equals(y)) {
              continue;
            }
            return NaturalOrder.less(x, y) ? -1 : 1;
          }
          return a.metric().compareTo(b.metric());
        };
    List<EvalSample> out = new ArrayList<>(v.samples());
    out.sort(descending ? cmp.reversed() : cmp);
    return new InstantVector(out);
  }

  private EvalValue labelReplace(List<Expr> args) {
    String dst = strings(args.subList(1, 2)).get(0);
    String repl = strings(args.subList(2, 3)).get(0);
    String src = strings(args.subList(3, 4)).get(0);
    String regex = strings(args.subList(4, 5)).get(0);
    Pattern pattern;
    try {
      pattern = Pattern.compile("^(?s:" + regex + ")$");
    } catch (PatternSyntaxException ex) {
      throw new EvalException("invalid regular expression in label_replace(): " + regex);
    }
    if (!validLabelName(dst)) {
      throw new EvalException("invalid destination label name in label_replace(): " + dst);
    }
    InstantVector v = ev.evalVector(args.get(0), ev.now());
    List<EvalSample> out = new ArrayList<>(v.samples().size());
    for (EvalSample s : v.samples()) {
      String value = s.metric().getOrEmpty(src);
      Matcher m = pattern.matcher(value);
      if (!m.matches()) {
        out.add(s);
        continue;
      }
      String result = GoRegexExpand.expand(repl, m, pattern);
      Labels.Builder b = s.metric().toBuilder();
      if (result.isEmpty()) {
        b.remove(dst);
      } else {
        b.put(dst, result);
      }
      boolean dropName = dst.equals(Labels.METRIC_NAME) ? false : s.dropName();
      out.add(new EvalSample(b.build(), s.value(), dropName));
    }
    Evaluator.requireUniqueLabels(out);
    return new InstantVector(out);
  }

  private EvalValue labelJoin(List<Expr> args) {
    String dst = strings(args.subList(1, 2)).get(0);
    String sep = strings(args.subList(2, 3)).get(0);
    List<String> srcs = strings(args.subList(3, args.size()));
    for (String src : srcs) {
      if (!validLabelName(src)) {
        throw new EvalException("invalid source label name in label_join(): " + src);
      }
    }
    if (!validLabelName(dst)) {
      throw new EvalException("invalid destination label name in label_join(): " + dst);
    }
    InstantVector v = ev.evalVector(args.get(0), ev.now());
    List<EvalSample> out = new ArrayList<>(v.samples().size());
    for (EvalSample s : v.samples()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < srcs.size(); i++) {
        if (i > 0) {
          sb.append(sep);
        }
        sb.append(s.metric().getOrEmpty(srcs.get(i)));
      }
      Labels.Builder b = s.metric().toBuilder();
      if (sb.length() == 0) {
        b.remove(dst);
      } else {
        b.put(dst, sb.toString());
      }
      boolean dropName = dst.equals(Labels.METRIC_NAME) ? false : s.dropName();
      out.add(new EvalSample(b.build(), s.value(), dropName));
    }
    Evaluator.requireUniqueLabels(out);
    return new InstantVector(out);
  }

  private static boolean validLabelName(String name) {
    return LabelNames.isValidLabelName(name) && name.indexOf('\uFFFD') < 0;
  }

  // --- classic histograms -------------------------------------------------------------------

  /** The buckets of one classic histogram: series grouped by their labels without {@code le}. */
  private static final class BucketGroup {
    final Labels metric;
    final List<double[]> buckets = new ArrayList<>();

    BucketGroup(Labels metric) {
      this.metric = metric;
    }

    double[] upperBounds() {
      double[] ub = new double[buckets.size()];
      for (int i = 0; i < ub.length; i++) {
        ub[i] = buckets.get(i)[0];
      }
      return ub;
    }

    double[] counts() {
      double[] c = new double[buckets.size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = buckets.get(i)[1];
      }
      return c;
    }
  }

  private Map<Labels, BucketGroup> bucketGroups(InstantVector v, Expr arg) {
    Map<Labels, BucketGroup> groups = new LinkedHashMap<>();
    LabelsCache withoutLe = ev.cache(arg, "buckets", m -> m.without("le"));
    for (EvalSample s : v.samples()) {
      String le = s.metric().getOrEmpty("le");
      double upper;
      try {
        upper = GoParseFloat.parse(le);
      } catch (NumberFormatException ex) {
        ev.annotations()
            .warn(
                "bucket label \"le\" is missing or has a malformed value of "
                    + dev.tocsin.promql.ast.GoQuote.quote(le)
                    + " for metric name "
                    + dev.tocsin.promql.ast.GoQuote.quote(s.metric().getOrEmpty(Labels.METRIC_NAME)),
                arg.span().start());
        continue;
      }
      Labels key = withoutLe.apply(s.metric());
      BucketGroup g = groups.computeIfAbsent(key, BucketGroup::new);
      g.buckets.add(new double[] {upper, s.value()});
    }
    return groups;
  }

  private void quantileWarning(double q, Expr arg) {
    if (Double.isNaN(q) || q < 0 || q > 1) {
      ev.annotations().warn("quantile value should be between 0 and 1, got " + GoFloat.formatG(q), arg.span().start());
    }
  }

  private EvalValue histogramQuantile(List<Expr> args) {
    double q = ev.evalScalar(args.get(0), ev.now());
    InstantVector v = ev.evalVector(args.get(1), ev.now());
    quantileWarning(q, args.get(0));
    List<EvalSample> out = new ArrayList<>();
    for (BucketGroup g : bucketGroups(v, args.get(1)).values()) {
      out.add(new EvalSample(metricOf(g), bucketQuantile(q, g, args.get(1)), true));
    }
    return ev.checkUnique(new InstantVector(out));
  }

  private EvalValue histogramQuantiles(List<Expr> args) {
    InstantVector v = ev.evalVector(args.get(0), ev.now());
    String label = strings(args.subList(1, 2)).get(0);
    List<Double> qs = new ArrayList<>();
    for (int i = 2; i < args.size(); i++) {
      double q = ev.evalScalar(args.get(i), ev.now());
      quantileWarning(q, args.get(i));
      qs.add(q);
    }
    Map<Labels, BucketGroup> groups = bucketGroups(v, args.get(0));
    List<EvalSample> out = new ArrayList<>();
    for (double q : qs) {
      for (BucketGroup g : groups.values()) {
        Labels m = metricOf(g).toBuilder().put(label, GoFloat.formatOpenMetrics(q)).build();
        out.add(new EvalSample(m, bucketQuantile(q, g, args.get(0)), true));
      }
    }
    Evaluator.requireUniqueLabels(dropAll(out));
    return ev.checkUnique(new InstantVector(out));
  }

  private static List<EvalSample> dropAll(List<EvalSample> samples) {
    List<EvalSample> out = new ArrayList<>(samples.size());
    for (EvalSample s : samples) {
      out.add(new EvalSample(s.metric().withoutMetricName(), s.value(), true));
    }
    return out;
  }

  private Labels metricOf(BucketGroup g) {
    return ev.dropNameNow(g.metric);
  }

  private double bucketQuantile(double q, BucketGroup g, Expr arg) {
    Quantiles.BucketResult r = Quantiles.bucketQuantile(q, g.upperBounds(), g.counts());
    if (r.forcedMonotonic()) {
      String name = ev.delayedNameRemoval() ? g.metric.getOrEmpty(Labels.METRIC_NAME) : "";
      ev.annotations()
          .info(
              "input to histogram_quantile needed to be fixed for monotonicity (see"
                  + " https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
                  + " for metric name "
                  + dev.tocsin.promql.ast.GoQuote.quote(name),
              arg.span().start());
    }
    return r.value();
  }

  private EvalValue histogramFraction(List<Expr> args) {
    double lower = ev.evalScalar(args.get(0), ev.now());
    double upper = ev.evalScalar(args.get(1), ev.now());
    InstantVector v = ev.evalVector(args.get(2), ev.now());
    List<EvalSample> out = new ArrayList<>();
    for (BucketGroup g : bucketGroups(v, args.get(2)).values()) {
      out.add(new EvalSample(metricOf(g), Quantiles.bucketFraction(lower, upper, g.upperBounds(), g.counts()), true));
    }
    return ev.checkUnique(new InstantVector(out));
  }
}
