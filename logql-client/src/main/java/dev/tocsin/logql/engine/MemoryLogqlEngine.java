package dev.tocsin.logql.engine;

import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorOp;
import dev.tocsin.logql.engine.StepValue.ScalarStep;
import dev.tocsin.logql.engine.StepValue.StepSample;
import dev.tocsin.logql.engine.StepValue.VectorStep;
import dev.tocsin.logql.parser.LogqlParser;
import dev.tocsin.logql.pipeline.LineContext;
import dev.tocsin.logql.pipeline.Pipeline;
import dev.tocsin.logql.pipeline.PipelineException;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.Labels;
import dev.tocsin.model.ParseError;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.promql.value.LogStream;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Streams;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded LogQL engine: answers Loki's instant and range queries over a {@link
 * MemoryLogStore}. Metric queries give a {@link Vector} (instant), {@link Matrix} (range) or {@link
 * Scalar}; log queries give {@link Streams}. Failures are {@link QueryException}s with Loki's
 * messages ({@code pipeline error: ...}, {@code parse error at line 1, col 5: ...}).
 */
public final class MemoryLogqlEngine implements QueryClient {
  private final MemoryLogStore store;
  private final LogqlEngineOptions options;
  private static final int PARSE_CACHE_LIMIT = 10_000;
  private final java.util.Map<String, LogqlExpr> parsed = new java.util.concurrent.ConcurrentHashMap<>();

  /** An engine over the store with Loki's default limits. */
  public MemoryLogqlEngine(MemoryLogStore store) {
    this(store, LogqlEngineOptions.DEFAULTS);
  }

  /** An engine over the store with the given limits. */
  public MemoryLogqlEngine(MemoryLogStore store, LogqlEngineOptions options) {
    this.store = Objects.requireNonNull(store, "store is null");
    this.options = Objects.requireNonNull(options, "options is null");
  }

  /** The store queried. */
  public MemoryLogStore store() {
    return store;
  }

  @Override
  public QueryResult instantQuery(String expr, Instant time) {
    LogqlExpr e = parse(expr);
    long t = nanos(time);
    if (e instanceof LogQuery q) {
      return logQuery(q, t - options.instantLogLookback().toNanos(), t);
    }
    return metricQuery((SampleExpr) e, new long[] {t}, true);
  }

  @Override
  public QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
    LogqlExpr e = parse(expr);
    long s = nanos(start);
    long en = nanos(end);
    if (en < s) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, "end timestamp must not be before start time");
    }
    if (e instanceof LogQuery q) {
      // Loki's query_range returns lines with start <= ts < end.
      return logQuery(q, s - 1, en - 1);
    }
    long stepN = step.toNanos();
    if (stepN <= 0) {
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA,
          "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    long count = (en - s) / stepN + 1;
    if (count > 11_000) {
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA,
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
    }
    long[] steps = new long[(int) count];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = s + i * stepN;
    }
    return metricQuery((SampleExpr) e, steps, false);
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }


  /** Rules query the same texts at every evaluation: parsed trees (immutable) are kept, bounded. */
  private LogqlExpr parse(String expr) {
    LogqlExpr cached = parsed.get(expr);
    if (cached != null) {
      return cached;
    }
    LogqlExpr e = parseUncached(expr);
    if (parsed.size() >= PARSE_CACHE_LIMIT) {
      parsed.clear();
    }
    parsed.put(expr, e);
    return e;
  }
  private static LogqlExpr parseUncached(String expr) {
    try {
      return LogqlParser.parse(expr);
    } catch (ExpressionException x) {
      ParseError err = x.errors().get(0);
      int at = Math.min(err.span().start(), expr.length());
      int line = 1;
      int col = 1;
      for (int i = 0; i < at; i++) {
        if (expr.charAt(i) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA, "parse error at line " + line + ", col " + col + ": " + err.message(), x);
    }
  }

  private QueryResult metricQuery(SampleExpr root, long[] steps, boolean instant) {
    QueryDeadline deadline = new QueryDeadline(options.timeout().toNanos());
    Evaluator ev = new Evaluator(store, steps, deadline, root);
    boolean ordered = containsSort(root);
    if (instant) {
      StepValue v = evaluate(ev, root, 0);
      long ms = Math.floorDiv(steps[0], 1_000_000L);
      if (v instanceof ScalarStep s) {
        return new Scalar(ms, s.value());
      }
      List<StepSample> samples = new ArrayList<>(((VectorStep) v).samples());
      if (!ordered) {
        samples.sort(Comparator.comparing(StepSample::labels));
      }
      checkSeriesLimit(samples.size());
      List<Sample> out = new ArrayList<>(samples.size());
      for (StepSample s : samples) {
        out.add(new Sample(s.labels(), ms, s.value()));
      }
      return new Vector(out);
    }
    Map<Labels, PointsBuilder> series = new LinkedHashMap<>();
    for (int i = 0; i < steps.length; i++) {
      deadline.check();
      StepValue v = evaluate(ev, root, i);
      long ms = Math.floorDiv(steps[i], 1_000_000L);
      if (v instanceof ScalarStep s) {
        series.computeIfAbsent(Labels.EMPTY, k -> new PointsBuilder()).add(ms, s.value());
        continue;
      }
      for (StepSample s : ((VectorStep) v).samples()) {
        series.computeIfAbsent(s.labels(), k -> new PointsBuilder()).add(ms, s.value());
      }
      checkSeriesLimit(series.size());
    }
    List<Series> out = new ArrayList<>(series.size());
    series.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(e.getValue().build(e.getKey())));
    return new Matrix(out);
  }

  private static StepValue evaluate(Evaluator ev, SampleExpr root, int step) {
    try {
      return ev.evaluate(root, step);
    } catch (PipelineException e) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, e.getMessage(), e);
    }
  }

  private void checkSeriesLimit(int n) {
    if (options.maxSeries() > 0 && n > options.maxSeries()) {
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA,
          "maximum number of series (" + options.maxSeries() + ") reached for a single query; consider reducing"
              + " query cardinality by adding more specific stream selectors, reducing the time range, or"
              + " aggregating results with functions like sum(), count() or topk()");
    }
  }

  /** Loki keeps the order of {@code sort}/{@code sort_desc} results instead of sorting by labels. */
  private static boolean containsSort(SampleExpr e) {
    if (e instanceof VectorAggregation v) {
      return v.op() == VectorOp.SORT || v.op() == VectorOp.SORT_DESC || containsSort(v.inner());
    }
    if (e instanceof dev.tocsin.logql.ast.BinaryExpr b) {
      return containsSort(b.lhs()) || containsSort(b.rhs());
    }
    if (e instanceof dev.tocsin.logql.ast.LabelReplace l) {
      return containsSort(l.inner());
    }
    return false;
  }

  /**
   * A log query over {@code (from, to]}: lines that pass the pipeline, grouped into streams by
   * their final labels, newest first (Loki's default {@code backward} direction), at most the
   * configured limit.
   */
  private QueryResult logQuery(LogQuery q, long fromExclusive, long to) {
    QueryDeadline deadline = new QueryDeadline(options.timeout().toNanos());
    Pipeline pipeline;
    try {
      pipeline = Pipeline.compile(q.stages());
    } catch (PipelineException e) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, e.getMessage(), e);
    }
    record Hit(Labels labels, LogEntry entry) {}
    // Keep only the newest `limit` lines while scanning, so a huge match never piles up in memory.
    java.util.PriorityQueue<Hit> newest =
        new java.util.PriorityQueue<>(Comparator.comparingLong((Hit h) -> h.entry().timestampNanos()));
    int limit = options.logLimit();
    for (MemoryLogStore.Stream stream : store.select(q.selector().matchers())) {
      MemoryLogStore.Snapshot snap = stream.snapshot();
      List<LogEntry> entries = snap.entries();
      for (int i = snap.firstAfter(fromExclusive); i < entries.size(); i++) {
        LogEntry e = entries.get(i);
        if (e.timestampNanos() > to) {
          break;
        }
        deadline.tick();
        if (newest.size() == limit && e.timestampNanos() <= newest.peek().entry().timestampNanos()) {
          continue;
        }
        LineContext ctx = pipeline.process(e.timestampNanos(), e.line(), stream.labels(), e.structuredMetadata());
        if (ctx != null) {
          newest.add(new Hit(ctx.labels().toLabels(), new LogEntry(e.timestampNanos(), ctx.line(), e.structuredMetadata())));
          if (newest.size() > limit) {
            newest.poll();
          }
        }
      }
    }
    List<Hit> hits = new ArrayList<>(newest);
    hits.sort(Comparator.comparingLong((Hit h) -> h.entry().timestampNanos()).reversed());
    Map<Labels, List<LogEntry>> byStream = new LinkedHashMap<>();
    for (Hit h : hits) {
      byStream.computeIfAbsent(h.labels(), k -> new ArrayList<>()).add(h.entry());
    }
    List<LogStream> streams = new ArrayList<>();
    byStream.forEach((l, es) -> streams.add(new LogStream(l, es)));
    return new Streams(streams);
  }

  /** Collects the points of one result series. */
  private static final class PointsBuilder {
    private long[] ts = new long[8];
    private double[] vs = new double[8];
    private int n;

    void add(long t, double v) {
      if (n == ts.length) {
        ts = java.util.Arrays.copyOf(ts, n * 2);
        vs = java.util.Arrays.copyOf(vs, n * 2);
      }
      ts[n] = t;
      vs[n] = v;
      n++;
    }

    Series build(Labels labels) {
      return new Series(labels, java.util.Arrays.copyOf(ts, n), java.util.Arrays.copyOf(vs, n));
    }
  }
}
