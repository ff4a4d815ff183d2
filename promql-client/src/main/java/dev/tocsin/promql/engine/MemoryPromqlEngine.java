package dev.tocsin.promql.engine;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.ValueType;
import dev.tocsin.promql.parser.ParserOptions;
import dev.tocsin.promql.parser.PromqlParser;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded PromQL engine: a {@link QueryClient} that parses with Tocsin's parser and evaluates
 * against a {@link MemoryStorage} with Prometheus 3.x semantics. Failures are {@link
 * QueryException}s with Prometheus' messages ({@code bad_data} for parse errors, {@code execution}
 * for evaluation errors, {@code timeout}).
 */
public final class MemoryPromqlEngine implements QueryClient {
  /** The start of the error message of a query that reads native histogram samples. */
  public static final String NATIVE_HISTOGRAMS_UNSUPPORTED = "native histograms are not supported";

  private final MemoryStorage storage;
  private final EngineOptions options;

  private static final int PARSE_CACHE_LIMIT = 10_000;
  private final java.util.Map<String, Expr> parsed = new java.util.concurrent.ConcurrentHashMap<>();

  public MemoryPromqlEngine(MemoryStorage storage, EngineOptions options) {
    this.storage = Objects.requireNonNull(storage, "storage is null");
    this.options = Objects.requireNonNull(options, "options is null");
  }

  /** The storage queries read. */
  public MemoryStorage storage() {
    return storage;
  }

  /** The engine's options. */
  public EngineOptions options() {
    return options;
  }

  @Override
  public QueryResult instantQuery(String expr, Instant time) {
    return evaluateInstant(expr, time.toEpochMilli()).result();
  }

  /**
   * {@inheritDoc}
   *
   * <p>As Prometheus' query API, it refuses more than 11,000 steps, which keeps a mistaken step
   * from running until the timeout.
   */
  @Override
  public QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
    long stepMillis = step.toMillis();
    if (stepMillis > 0 && (end.toEpochMilli() - start.toEpochMilli()) / stepMillis > 11_000) {
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA,
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution"
              + " (?step=XX)");
    }
    return evaluateRange(expr, start.toEpochMilli(), end.toEpochMilli(), stepMillis).result();
  }

  /**
   * Parses an expression as this engine does, throwing a {@code bad_data} QueryException. Rules
   * query the same few texts at every evaluation, so parsed trees (immutable) are kept, bounded.
   */
  public Expr parse(String text) {
    Expr cached = parsed.get(text);
    if (cached != null) {
      return cached;
    }
    Expr e;
    try {
      e = PromqlParser.parse(text, options.experimentalFunctions() ? ParserOptions.ALL_FEATURES : ParserOptions.DEFAULT);
    } catch (ExpressionException ex) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, ex.getMessage(), ex);
    }
    if (parsed.size() >= PARSE_CACHE_LIMIT) {
      parsed.clear();
    }
    parsed.put(text, e);
    return e;
  }

  /** Evaluates at one instant (ms), returning the result with its annotations. */
  public QueryOutcome evaluateInstant(String text, long timeMillis) {
    Expr expr = parse(text);
    Annotations annotations = new Annotations(text);
    Evaluator ev = new Evaluator(storage, options, text, timeMillis, timeMillis, 0, annotations);
    QueryResult result = run(() -> toResult(ev.eval(expr, timeMillis), timeMillis));
    return new QueryOutcome(result, annotations.warnings(), annotations.infos());
  }

  /** Evaluates at every step from start to end (ms, both included). */
  public QueryOutcome evaluateRange(String text, long start, long end, long step) {
    if (step <= 0) {
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA,
          "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if (end < start) {
      throw new QueryException(QueryException.ErrorType.BAD_DATA, "end timestamp must not be before start time");
    }
    Expr expr = parse(text);
    if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
      throw new QueryException(
          QueryException.ErrorType.BAD_DATA,
          "invalid expression type \"" + expr.type().documentedName()
              + "\" for range query, must be Scalar or instant Vector");
    }
    Annotations annotations = new Annotations(text);
    // Prometheus warns that sorting has no effect in range queries, whose results are ordered by labels.
    forEachCall(expr, c -> {
      if (c.function().name().startsWith("sort")) {
        annotations.warn("sort is ineffective for range queries since results are always ordered by labels", c.span().start());
      }
    });
    Evaluator ev = new Evaluator(storage, options, text, start, end, step, annotations);
    QueryResult result = run(() -> rangeResult(ev, expr, start, end, step));
    return new QueryOutcome(result, annotations.warnings(), annotations.infos());
  }

  private interface Body {
    QueryResult get();
  }

  private static QueryResult run(Body body) {
    try {
      return body.get();
    } catch (EvalException e) {
      throw new QueryException(QueryException.ErrorType.EXECUTION, e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new QueryException(QueryException.ErrorType.EXECUTION, "expression nested too deeply to evaluate");
    }
  }

  private QueryResult toResult(EvalValue v, long t) {
    if (v instanceof ScalarValue s) {
      return new Scalar(t, s.value());
    }
    if (v instanceof StringValue s) {
      return new StringResult(t, s.value());
    }
    if (v instanceof InstantVector iv) {
      List<Sample> out = new ArrayList<>(iv.samples().size());
      Set<Labels> seen = new HashSet<>();
      for (EvalSample s : iv.samples()) {
        Labels m = s.dropName() ? s.metric().withoutMetricName() : s.metric();
        if (!seen.add(m)) {
          throw new EvalException("vector cannot contain metrics with the same labelset");
        }
        out.add(new Sample(m, t, s.value()));
      }
      return new Vector(out);
    }
    RangeVector rv = (RangeVector) v;
    List<Series> out = new ArrayList<>(rv.series().size());
    Set<Labels> seen = new HashSet<>();
    for (RangeSeries s : rv.series()) {
      Labels m = s.dropName() ? s.metric().withoutMetricName() : s.metric();
      if (!seen.add(m)) {
        throw new EvalException("vector cannot contain metrics with the same labelset");
      }
      out.add(new Series(m, s.timestampsCopy(), s.valuesCopy()));
    }
    return new Matrix(out);
  }

  private QueryResult rangeResult(Evaluator ev, Expr expr, long start, long end, long step) {
    Map<Labels, Evaluator.SeriesBuilder> byLabels = new LinkedHashMap<>();
    for (long t = start; t <= end; t += step) {
      ev.resetStepBudget();
      EvalValue v = ev.eval(expr, t);
      if (v instanceof ScalarValue s) {
        byLabels.computeIfAbsent(Labels.EMPTY, m -> new Evaluator.SeriesBuilder(m, false)).add(t, s.value());
        continue;
      }
      InstantVector iv = (InstantVector) v;
      Set<Labels> stepSeen = new HashSet<>();
      for (EvalSample s : iv.samples()) {
        if (!stepSeen.add(s.metric())) {
          throw new EvalException("vector cannot contain metrics with the same labelset");
        }
        byLabels.computeIfAbsent(s.metric(), m -> new Evaluator.SeriesBuilder(m, s.dropName())).add(t, s.value());
      }
    }
    // With delayed name removal, series that differ only in name merge after the name goes,
    // which is an error where they overlap in time (Prometheus' mergeSeriesWithSameLabelset).
    Map<Labels, List<RangeSeries>> merged = new LinkedHashMap<>();
    for (Evaluator.SeriesBuilder b : byLabels.values()) {
      RangeSeries s = b.build();
      Labels m = s.dropName() ? s.metric().withoutMetricName() : s.metric();
      merged.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
    }
    List<Series> out = new ArrayList<>(merged.size());
    for (Map.Entry<Labels, List<RangeSeries>> e : merged.entrySet()) {
      out.add(mergeSeries(e.getKey(), e.getValue()));
    }
    out.sort((a, b) -> a.metric().compareTo(b.metric()));
    return new Matrix(out);
  }

  private static Series mergeSeries(Labels metric, List<RangeSeries> parts) {
    if (parts.size() == 1) {
      RangeSeries s = parts.get(0);
      return new Series(metric, s.timestampsCopy(), s.valuesCopy());
    }
    java.util.TreeMap<Long, Double> points = new java.util.TreeMap<>();
    for (RangeSeries s : parts) {
      for (int i = 0; i < s.size(); i++) {
        if (points.put(s.timestamp(i), s.value(i)) != null) {
          throw new EvalException("vector cannot contain metrics with the same labelset");
        }
      }
    }
    long[] ts = new long[points.size()];
    double[] vs = new double[points.size()];
    int i = 0;
    for (Map.Entry<Long, Double> p : points.entrySet()) {
      ts[i] = p.getKey();
      vs[i] = p.getValue();
      i++;
    }
    return new Series(metric, ts, vs);
  }

  /** Calls the consumer for every function call in the tree. */
  static void forEachCall(Expr e, Consumer<Call> consumer) {
    if (e instanceof Call c) {
      consumer.accept(c);
      c.args().forEach(a -> forEachCall(a, consumer));
    } else if (e instanceof AggregateExpr a) {
      forEachCall(a.expr(), consumer);
      if (a.param() != null) {
        forEachCall(a.param(), consumer);
      }
    } else if (e instanceof BinaryExpr b) {
      forEachCall(b.lhs(), consumer);
      forEachCall(b.rhs(), consumer);
    } else if (e instanceof UnaryExpr u) {
      forEachCall(u.expr(), consumer);
    } else if (e instanceof ParenExpr p) {
      forEachCall(p.expr(), consumer);
    } else if (e instanceof SubqueryExpr s) {
      forEachCall(s.expr(), consumer);
    }
  }
}
