package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The functions over range vectors ({@code rate}, {@code *_over_time}, {@code deriv}, …), computed
 * per series on the window's primitive arrays, as Prometheus' functions.go does per series.
 */
final class RangeFunctions {
  private RangeFunctions() {}

  static EvalValue call(Evaluator ev, Call e) {
    String name = e.function().name();
    List<Expr> args = e.args();
    long t = ev.now();
    int matrixIndex = -1;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).type() == ValueType.MATRIX) {
        matrixIndex = i;
        break;
      }
    }
    if (matrixIndex < 0) {
      throw new EvalException("unsupported function " + name);
    }
    double[] params = new double[args.size()];
    for (int i = 0; i < args.size(); i++) {
      if (i != matrixIndex) {
        params[i] = ev.evalScalar(args.get(i), t);
      }
    }
    RangeVector rv = (RangeVector) ev.eval(args.get(matrixIndex), t);
    if (name.equals("absent_over_time")) {
      if (!rv.series().isEmpty()) {
        return InstantVector.EMPTY;
      }
      return new InstantVector(List.of(new EvalSample(FunctionCalls.absentLabels(args.get(0)), 1, true)));
    }
    if (name.equals("double_exponential_smoothing")) {
      double sf = params[1];
      double tf = params[2];
      if (sf <= 0 || sf >= 1) {
        throw new EvalException("invalid smoothing factor. Expected: 0 < sf < 1, got: " + goF(sf));
      }
      if (tf <= 0 || tf >= 1) {
        throw new EvalException("invalid trend factor. Expected: 0 < tf < 1, got: " + goF(tf));
      }
    }
    // last_over_time and first_over_time act like an offset and keep the metric name.
    boolean dropName = !name.equals("last_over_time") && !name.equals("first_over_time");
    Window w = new Window(rv.rangeStart(), rv.rangeEnd(), t, params);
    List<EvalSample> out = new ArrayList<>(rv.series().size());
    for (RangeSeries s : rv.series()) {
      ev.checkDeadline();
      if (s.offset() == 0) {
        w.ts = s.timestampArray();
        w.vs = s.valueArray();
      } else {
        // The functions index from 0; a view into storage is copied into reused buffers.
        w.load(s);
      }
      w.n = s.size();
      if (name.equals("quantile_over_time")) {
        double q = params[0];
        if (Double.isNaN(q) || q < 0 || q > 1) {
          ev.annotations()
              .warn("quantile value should be between 0 and 1, got " + GoFloat.formatG(q), args.get(0).span().start());
        }
      }
      if (!compute(name, w)) {
        continue;
      }
      Labels metric = dropName ? ev.dropNameNow(s.metric()) : s.metric();
      out.add(new EvalSample(metric, w.result, dropName || s.dropName()));
      if (name.equals("rate") || name.equals("increase")) {
        String metricName = s.metric().getOrEmpty(Labels.METRIC_NAME);
        if (!metricName.isEmpty()
            && ev.annotations().firstTime(e, metricName)
            && !metricName.endsWith("_total")
            && !metricName.endsWith("_sum")
            && !metricName.endsWith("_count")
            && !metricName.endsWith("_bucket")) {
          ev.annotations()
              .info(
                  "metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "
                      + dev.tocsin.promql.ast.GoQuote.quote(metricName),
                  args.get(matrixIndex).span().start());
        }
      }
    }
    return ev.checkUnique(new InstantVector(out));
  }

  /** Go's %f. */
  private static String goF(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /** One series' window and the function's scalar parameters; {@code result} is the output. */
  static final class Window {
    final long rangeStart;
    final long rangeEnd;
    final long evalTime;
    final double[] params;
    long[] ts;
    double[] vs;
    int n;
    double result;

    private long[] tsBuffer = new long[16];
    private double[] vsBuffer = new double[16];

    void load(RangeSeries s) {
      int n = s.size();
      if (tsBuffer.length < n) {
        tsBuffer = new long[Math.max(n, tsBuffer.length * 2)];
        vsBuffer = new double[tsBuffer.length];
      }
      System.arraycopy(s.timestampArray(), s.offset(), tsBuffer, 0, n);
      System.arraycopy(s.valueArray(), s.offset(), vsBuffer, 0, n);
      ts = tsBuffer;
      vs = vsBuffer;
    }

    Window(long rangeStart, long rangeEnd, long evalTime, double[] params) {
      this.rangeStart = rangeStart;
      this.rangeEnd = rangeEnd;
      this.evalTime = evalTime;
      this.params = params;
    }
  }

  /** Computes the function into {@code w.result}; false when the series yields no sample. */
  static boolean compute(String name, Window w) {
    int n = w.n;
    long[] ts = w.ts;
    double[] vs = w.vs;
    if (n == 0) {
      return false;
    }
    switch (name) {
      case "rate" -> {
        return extrapolatedRate(w, true, true);
      }
      case "increase" -> {
        return extrapolatedRate(w, true, false);
      }
      case "delta" -> {
        return extrapolatedRate(w, false, false);
      }
      case "irate" -> {
        return instantValue(w, true);
      }
      case "idelta" -> {
        return instantValue(w, false);
      }
      case "deriv" -> {
        if (n < 2) {
          return false;
        }
        w.result = linearRegression(ts, vs, n, ts[0])[0];
        return true;
      }
      case "predict_linear" -> {
        if (n < 2) {
          return false;
        }
        double[] si = linearRegression(ts, vs, n, w.evalTime);
        w.result = si[0] * w.params[1] + si[1];
        return true;
      }
      case "double_exponential_smoothing" -> {
        if (n < 2) {
          return false;
        }
        w.result = doubleExponentialSmoothing(vs, n, w.params[1], w.params[2]);
        return true;
      }
      case "resets" -> {
        int resets = 0;
        for (int i = 1; i < n; i++) {
          if (vs[i] < vs[i - 1]) {
            resets++;
          }
        }
        w.result = resets;
        return true;
      }
      case "changes" -> {
        int changes = 0;
        for (int i = 1; i < n; i++) {
          double prev = vs[i - 1];
          double cur = vs[i];
          if (cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev))) {
            changes++;
          }
        }
        w.result = changes;
        return true;
      }
      case "avg_over_time" -> {
        w.result = avgOverTime(vs, n);
        return true;
      }
      case "sum_over_time" -> {
        KahanSum k = new KahanSum();
        for (int i = 0; i < n; i++) {
          k.add(vs[i]);
        }
        w.result = k.value();
        return true;
      }
      case "count_over_time" -> {
        w.result = n;
        return true;
      }
      case "last_over_time" -> {
        w.result = vs[n - 1];
        return true;
      }
      case "first_over_time" -> {
        w.result = vs[0];
        return true;
      }
      case "ts_of_last_over_time" -> {
        w.result = ts[n - 1] / 1000.0;
        return true;
      }
      case "ts_of_first_over_time" -> {
        w.result = ts[0] / 1000.0;
        return true;
      }
      case "max_over_time", "min_over_time", "ts_of_max_over_time", "ts_of_min_over_time" -> {
        boolean max = name.contains("max");
        boolean tsOf = name.startsWith("ts_of_");
        double best = vs[0];
        long bestT = ts[0];
        for (int i = 0; i < n; i++) {
          double f = vs[i];
          boolean better;
          if (tsOf) {
            // The ts_of_ variants take the last of equal extremes.
            better = max ? (f >= best || Double.isNaN(best)) : (f <= best || Double.isNaN(best));
          } else {
            better = max ? (f > best || Double.isNaN(best)) : (f < best || Double.isNaN(best));
          }
          if (better) {
            best = f;
            bestT = ts[i];
          }
        }
        w.result = tsOf ? bestT / 1000.0 : best;
        return true;
      }
      case "quantile_over_time" -> {
        double[] copy = java.util.Arrays.copyOf(vs, n);
        w.result = Quantiles.quantile(w.params[0], copy);
        return true;
      }
      case "stddev_over_time", "stdvar_over_time" -> {
        double count = 0;
        KahanSum mean = new KahanSum();
        KahanSum aux = new KahanSum();
        for (int i = 0; i < n; i++) {
          double f = vs[i];
          count++;
          double delta = f - (mean.rawSum() + mean.compensation());
          mean.add(delta / count);
          aux.add(delta * (f - (mean.rawSum() + mean.compensation())));
        }
        double variance = (aux.rawSum() + aux.compensation()) / count;
        w.result = name.startsWith("stddev") ? Math.sqrt(variance) : variance;
        return true;
      }
      case "mad_over_time" -> {
        for (int i = 0; i < n; i++) {
          if (Double.isNaN(vs[i])) {
            // A NaN sample makes the result NaN rather than being dropped, as Prometheus does.
            w.result = Double.NaN;
            return true;
          }
        }
        double[] copy = java.util.Arrays.copyOf(vs, n);
        double median = Quantiles.quantile(0.5, copy);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
          dev[i] = Math.abs(vs[i] - median);
        }
        w.result = Quantiles.quantile(0.5, dev);
        return true;
      }
      case "present_over_time" -> {
        w.result = 1;
        return true;
      }
      default -> throw new EvalException("unsupported function " + name);
    }
  }

  /**
   * rate, increase and delta: the change over the window, corrected for counter resets, and
   * extrapolated to the window's edges when the first and last samples are close enough to them
   * (within 110% of the average sample interval), else by half an interval; a counter is never
   * extrapolated below zero.
   */
  private static boolean extrapolatedRate(Window w, boolean isCounter, boolean isRate) {
    int n = w.n;
    if (n < 2) {
      return false;
    }
    long[] ts = w.ts;
    double[] vs = w.vs;
    double result = vs[n - 1] - vs[0];
    if (isCounter) {
      for (int i = 1; i < n; i++) {
        if (vs[i] < vs[i - 1]) {
          result += vs[i - 1];
        }
      }
    }
    double durationToStart = (ts[0] - w.rangeStart) / 1000.0;
    double durationToEnd = (w.rangeEnd - ts[n - 1]) / 1000.0;
    double sampledInterval = (ts[n - 1] - ts[0]) / 1000.0;
    double averageInterval = sampledInterval / (n - 1);
    double threshold = averageInterval * 1.1;
    if (durationToStart >= threshold) {
      durationToStart = averageInterval / 2;
    }
    if (isCounter) {
      double durationToZero = durationToStart;
      if (result > 0 && vs[0] >= 0) {
        durationToZero = sampledInterval * (vs[0] / result);
      }
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    if (durationToEnd >= threshold) {
      durationToEnd = averageInterval / 2;
    }
    double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
    if (isRate) {
      factor /= (w.rangeEnd - w.rangeStart) / 1000.0;
    }
    w.result = result * factor;
    return true;
  }

  /** irate and idelta: the last two samples only. */
  private static boolean instantValue(Window w, boolean isRate) {
    int n = w.n;
    if (n < 2) {
      return false;
    }
    double last = w.vs[n - 1];
    double prev = w.vs[n - 2];
    long interval = w.ts[n - 1] - w.ts[n - 2];
    if (interval == 0) {
      return false;
    }
    double result;
    if (isRate && last < prev) {
      // A counter reset: the last value is the increase since the reset.
      result = last;
    } else {
      result = last - prev;
    }
    if (isRate) {
      result /= interval / 1000.0;
    }
    w.result = result;
    return true;
  }

  /** Least squares with Kahan sums; returns slope and the intercept at interceptTime. */
  static double[] linearRegression(long[] ts, double[] vs, int count, long interceptTime) {
    double n = 0;
    KahanSum sumX = new KahanSum();
    KahanSum sumY = new KahanSum();
    KahanSum sumXY = new KahanSum();
    KahanSum sumX2 = new KahanSum();
    double initY = vs[0];
    boolean constY = true;
    for (int i = 0; i < count; i++) {
      double y = vs[i];
      if (constY && i > 0 && y != initY) {
        constY = false;
      }
      n += 1.0;
      double x = (ts[i] - interceptTime) / 1e3;
      sumX.add(x);
      sumY.add(y);
      sumXY.add(x * y);
      sumX2.add(x * x);
    }
    if (constY) {
      if (Double.isInfinite(initY)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      return new double[] {0, initY};
    }
    double sx = sumX.rawSum() + sumX.compensation();
    double sy = sumY.rawSum() + sumY.compensation();
    double sxy = sumXY.rawSum() + sumXY.compensation();
    double sx2 = sumX2.rawSum() + sumX2.compensation();
    double covXY = sxy - sx * sy / n;
    double varX = sx2 - sx * sx / n;
    double slope = covXY / varX;
    double intercept = sy / n - slope * sx / n;
    return new double[] {slope, intercept};
  }

  private static double avgOverTime(double[] vs, int n) {
    return KahanSum.mean(n, i -> vs[i]);
  }

  private static double doubleExponentialSmoothing(double[] vs, int n, double sf, double tf) {
    double s0 = 0;
    double s1 = vs[0];
    double b = vs[1] - vs[0];
    for (int i = 1; i < n; i++) {
      double x = sf * vs[i];
      // The trend at step i-1; at the first step it is the initial slope.
      if (i - 1 != 0) {
        b = tf * (s1 - s0) + (1 - tf) * b;
      }
      double y = (1 - sf) * (s1 + b);
      s0 = s1;
      s1 = x + y;
    }
    return s1;
  }
}
