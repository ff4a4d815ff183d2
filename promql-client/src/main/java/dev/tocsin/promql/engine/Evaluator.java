package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.AtModifier;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ExprVisitor;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.NumberLiteral;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.UnaryOp;
import dev.tocsin.promql.ast.VectorSelector;
import dev.tocsin.promql.value.QueryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates an expression at one timestamp at a time, with Prometheus 3.x semantics: left-open
 * lookback and range windows, staleness markers, {@code offset} and {@code @}, subqueries aligned
 * to absolute multiples of their step. A range query evaluates each step in turn; selections and
 * subquery steps are cached across steps, so each is done once per query.
 */
final class Evaluator implements ExprVisitor<EvalValue> {
  /** The most samples kept in the subquery cache; beyond it, subquery steps are recomputed. */
  private static final long SUBQUERY_CACHE_LIMIT = 2_000_000;

  private final MemoryStorage storage;
  private final EngineOptions options;
  private final String query;
  private final long queryStart;
  private final long queryEnd;
  private final long queryStep;
  private final Annotations annotations;
  private final long deadlineNanos;
  private final long lookbackMillis;
  private final IdentityHashMap<VectorSelector, List<MemorySeries>> selections = new IdentityHashMap<>();
  private final IdentityHashMap<SubqueryExpr, Map<Long, InstantVector>> subqueryCache = new IdentityHashMap<>();
  private final FunctionCalls functions;
  private final LabelsCache withoutName = new LabelsCache(Labels::withoutMetricName);
  private final Map<CacheKey, LabelsCache> nodeCaches = new HashMap<>();
  private long cachedSubquerySamples;
  private long now;
  private long loadedSamples;
  private int checks;

  Evaluator(
      MemoryStorage storage,
      EngineOptions options,
      String query,
      long queryStart,
      long queryEnd,
      long queryStep,
      Annotations annotations) {
    this.storage = storage;
    this.options = options;
    this.query = query;
    this.queryStart = queryStart;
    this.queryEnd = queryEnd;
    this.queryStep = queryStep;
    this.annotations = annotations;
    this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
    this.lookbackMillis = options.lookbackDelta().toMillis();
    this.functions = new FunctionCalls(this);
  }

  EngineOptions options() {
    return options;
  }

  Annotations annotations() {
    return annotations;
  }

  String query() {
    return query;
  }

  long queryStart() {
    return queryStart;
  }

  long queryEnd() {
    return queryEnd;
  }

  /** The range query's step, 0 for an instant query. */
  long queryStep() {
    return queryStep;
  }

  long now() {
    return now;
  }

  boolean delayedNameRemoval() {
    return options.delayedNameRemoval();
  }

  /** Starts a new top-level step: the sample budget applies per step, as in Prometheus. */
  void resetStepBudget() {
    loadedSamples = 0;
  }

  /** Evaluates an expression at a timestamp. */
  EvalValue eval(Expr expr, long t) {
    long saved = now;
    now = t;
    try {
      return expr.accept(this);
    } finally {
      now = saved;
    }
  }

  /** Evaluates an expression that must give an instant vector. */
  InstantVector evalVector(Expr expr, long t) {
    EvalValue v = eval(expr, t);
    if (v instanceof InstantVector iv) {
      return iv;
    }
    throw new EvalException("expected instant vector, got " + v.getClass().getSimpleName());
  }

  /** Evaluates an expression that must give a scalar. */
  double evalScalar(Expr expr, long t) {
    EvalValue v = eval(expr, t);
    if (v instanceof ScalarValue s) {
      return s.value();
    }
    throw new EvalException("expected scalar, got " + v.getClass().getSimpleName());
  }

  void countSamples(long n) {
    loadedSamples += n;
    if (loadedSamples > options.maxSamples()) {
      throw new QueryException(
          QueryException.ErrorType.EXECUTION,
          "query processing would load too many samples into memory in query execution");
    }
    checkDeadline();
  }

  void checkDeadline() {
    if ((++checks & 0xff) == 0 && System.nanoTime() > deadlineNanos) {
      throw new QueryException(QueryException.ErrorType.TIMEOUT, "query timed out in expression evaluation");
    }
  }

  /** The reference time of a selector or subquery: its {@code @} time (or now) minus its offset. */
  long referenceTime(AtModifier at, Duration offset) {
    long base = now;
    if (at != null) {
      base =
          switch (at.kind()) {
            case START -> queryStart;
            case END -> queryEnd;
            case TIMESTAMP -> at.timestampMillis();
          };
    }
    return base - offset.toMillis();
  }

  List<MemorySeries> select(VectorSelector selector) {
    List<MemorySeries> s = selections.get(selector);
    if (s == null) {
      s = storage.select(selector.matchers());
      selections.put(selector, s);
    }
    return s;
  }

  @Override
  public EvalValue visitNumberLiteral(NumberLiteral e) {
    return new ScalarValue(e.value());
  }

  @Override
  public EvalValue visitStringLiteral(StringLiteral e) {
    return new StringValue(e.value());
  }

  @Override
  public EvalValue visitVectorSelector(VectorSelector e) {
    List<MemorySeries> series = select(e);
    long ref = referenceTime(e.at(), e.offset());
    List<EvalSample> out = new ArrayList<>();
    for (MemorySeries s : series) {
      int i = s.lastAtOrBefore(ref);
      // Left-open lookback window (ref - 5m, ref], as Prometheus 3.x.
      if (i < 0 || s.timestamp(i) <= ref - lookbackMillis) {
        continue;
      }
      double v = s.value(i);
      if (StaleNaN.isStale(v)) {
        continue;
      }
      rejectHistogram(s, i);
      out.add(new EvalSample(s.labels(), v, false));
    }
    countSamples(out.size());
    return new InstantVector(out);
  }

  private static void rejectHistogram(MemorySeries s, int i) {
    if (StaleNaN.isHistogram(s.value(i))) {
      throw new QueryException(
          QueryException.ErrorType.EXECUTION,
          MemoryPromqlEngine.NATIVE_HISTOGRAMS_UNSUPPORTED
              + " by the embedded engine: "
              + s.labels()
              + " has a native histogram sample at "
              + s.timestamp(i));
    }
  }

  /** The timestamps of the samples an instant selector picks, for {@code timestamp()}. */
  InstantVector selectorTimestamps(VectorSelector e) {
    List<MemorySeries> series = select(e);
    long ref = referenceTime(e.at(), e.offset());
    List<EvalSample> out = new ArrayList<>();
    for (MemorySeries s : series) {
      int i = s.lastAtOrBefore(ref);
      if (i < 0 || s.timestamp(i) <= ref - lookbackMillis || StaleNaN.isStale(s.value(i))) {
        continue;
      }
      rejectHistogram(s, i);
      out.add(new EvalSample(s.labels(), s.timestamp(i) / 1000.0, false));
    }
    countSamples(out.size());
    return new InstantVector(out);
  }

  @Override
  public EvalValue visitMatrixSelector(MatrixSelector e) {
    VectorSelector vs = e.selector();
    List<MemorySeries> series = select(vs);
    long ref = referenceTime(vs.at(), vs.offset());
    long mint = ref - e.range().toMillis();
    List<RangeSeries> out = new ArrayList<>();
    long total = 0;
    for (MemorySeries s : series) {
      int lo = s.firstAfter(mint);
      int hi = s.lastAtOrBefore(ref);
      if (hi < lo) {
        continue;
      }
      boolean clean = true;
      for (int i = lo; i <= hi; i++) {
        double v = s.value(i);
        if (StaleNaN.isStale(v)) {
          clean = false;
        } else {
          rejectHistogram(s, i);
        }
      }
      if (clean) {
        // No marker to drop: the window is a view of the stored arrays.
        int n = hi - lo + 1;
        total += n;
        out.add(new RangeSeries(s.labels(), s.timestampArray(), s.valueArray(), lo, n, false));
        continue;
      }
      int n = 0;
      long[] ts = new long[hi - lo + 1];
      double[] vs2 = new double[hi - lo + 1];
      for (int i = lo; i <= hi; i++) {
        double v = s.value(i);
        if (StaleNaN.isStale(v)) {
          continue;
        }
        ts[n] = s.timestamp(i);
        vs2[n] = v;
        n++;
      }
      if (n == 0) {
        continue;
      }
      total += n;
      out.add(new RangeSeries(s.labels(), ts, vs2, 0, n, false));
    }
    countSamples(total);
    return new RangeVector(out, mint, ref);
  }

  @Override
  public EvalValue visitSubquery(SubqueryExpr e) {
    long step = (e.step().isZero() ? options.evaluationInterval() : e.step()).toMillis();
    long ref = referenceTime(e.at(), e.offset());
    long mint = ref - e.range().toMillis();
    // The first multiple of the step after the window's open left edge, as Prometheus aligns it.
    long start = Math.floorDiv(mint, step) * step + step;
    long steps = start > ref ? 0 : (ref - start) / step + 1;
    if (steps > options.maxSamples()) {
      throw new QueryException(
          QueryException.ErrorType.EXECUTION,
          "query processing would load too many samples into memory in query execution");
    }
    Map<Long, InstantVector> cache = subqueryCache.computeIfAbsent(e, k -> new HashMap<>());
    Map<Labels, SeriesBuilder> byLabels = new LinkedHashMap<>();
    long total = 0;
    for (long t = start; t <= ref; t += step) {
      checkDeadline();
      InstantVector v = cache.get(t);
      if (v == null) {
        v = evalVector(e.expr(), t);
        if (cachedSubquerySamples < SUBQUERY_CACHE_LIMIT) {
          cache.put(t, v);
          cachedSubquerySamples += v.samples().size() + 1;
        }
      }
      for (EvalSample s : v.samples()) {
        byLabels.computeIfAbsent(s.metric(), m -> new SeriesBuilder(m, s.dropName())).add(t, s.value());
      }
      total += v.samples().size();
    }
    countSamples(total);
    List<RangeSeries> out = new ArrayList<>(byLabels.size());
    for (SeriesBuilder b : byLabels.values()) {
      out.add(b.build());
    }
    return new RangeVector(out, mint, ref);
  }

  @Override
  public EvalValue visitCall(Call e) {
    return functions.call(e);
  }

  @Override
  public EvalValue visitAggregate(AggregateExpr e) {
    return Aggregations.aggregate(this, e);
  }

  @Override
  public EvalValue visitBinary(BinaryExpr e) {
    return BinaryOperations.evaluate(this, e);
  }

  @Override
  public EvalValue visitUnary(UnaryExpr e) {
    EvalValue v = eval(e.expr(), now);
    if (e.op() == UnaryOp.PLUS) {
      return v;
    }
    if (v instanceof ScalarValue s) {
      return new ScalarValue(-s.value());
    }
    InstantVector iv = (InstantVector) v;
    List<EvalSample> out = new ArrayList<>(iv.samples().size());
    for (EvalSample s : iv.samples()) {
      out.add(new EvalSample(dropNameNow(s.metric()), -s.value(), true));
    }
    return checkUnique(new InstantVector(out));
  }

  @Override
  public EvalValue visitParen(ParenExpr e) {
    return eval(e.expr(), now);
  }

  /**
   * Without delayed name removal the name goes at once; with it, the sample is only marked (the
   * caller sets {@code dropName}) and loses its name at the end.
   */
  Labels dropNameNow(Labels metric) {
    return options.delayedNameRemoval() ? metric : withoutName.apply(metric);
  }

  /**
   * The per-query cache of a label transformation made by one node of the tree; {@code purpose}
   * tells apart the transformations of a node that is, say, both an aggregation and an argument.
   */
  LabelsCache cache(Expr node, String purpose, java.util.function.UnaryOperator<Labels> function) {
    return nodeCaches.computeIfAbsent(new CacheKey(node, purpose), k -> new LabelsCache(function));
  }

  /** Identifies a node's label transformation. */
  private record CacheKey(Expr node, String purpose) {}

  /** Prometheus' duplicate check, which it makes at once only without delayed name removal. */
  InstantVector checkUnique(InstantVector v) {
    if (!options.delayedNameRemoval()) {
      requireUniqueLabels(v.samples());
    }
    return v;
  }

  static void requireUniqueLabels(List<EvalSample> samples) {
    if (samples.size() < 2) {
      return;
    }
    Set<Labels> seen = new HashSet<>();
    for (EvalSample s : samples) {
      if (!seen.add(s.metric())) {
        throw new EvalException("vector cannot contain metrics with the same labelset");
      }
    }
  }

  /** Collects the points of one series of a subquery result. */
  static final class SeriesBuilder {
    private final Labels metric;
    private final boolean dropName;
    private long[] ts = new long[8];
    private double[] vs = new double[8];
    private int n;

    SeriesBuilder(Labels metric, boolean dropName) {
      this.metric = metric;
      this.dropName = dropName;
    }

    void add(long t, double v) {
      if (n == ts.length) {
        ts = java.util.Arrays.copyOf(ts, n * 2);
        vs = java.util.Arrays.copyOf(vs, n * 2);
      }
      ts[n] = t;
      vs[n] = v;
      n++;
    }

    boolean dropName() {
      return dropName;
    }

    Labels metric() {
      return metric;
    }

    int size() {
      return n;
    }

    long timestamp(int i) {
      return ts[i];
    }

    RangeSeries build() {
      return new RangeSeries(metric, ts, vs, 0, n, dropName);
    }
  }
}
