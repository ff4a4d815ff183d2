package dev.tocsin.logql.engine;

import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.Grouping;
import dev.tocsin.logql.ast.JsonParser;
import dev.tocsin.logql.ast.LabelReplace;
import dev.tocsin.logql.ast.LineFilter;
import dev.tocsin.logql.ast.LineFormat;
import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogRange;
import dev.tocsin.logql.ast.LogfmtParser;
import dev.tocsin.logql.ast.LogqlVisitor;
import dev.tocsin.logql.ast.PatternParser;
import dev.tocsin.logql.ast.RangeAggregation;
import dev.tocsin.logql.ast.RangeOp;
import dev.tocsin.logql.ast.RegexpParser;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.ast.Stage;
import dev.tocsin.logql.ast.UnpackParser;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorExpr;
import dev.tocsin.logql.engine.StepValue.ScalarStep;
import dev.tocsin.logql.engine.StepValue.StepSample;
import dev.tocsin.logql.engine.StepValue.VectorStep;
import dev.tocsin.logql.pipeline.LabelState;
import dev.tocsin.logql.pipeline.LineContext;
import dev.tocsin.logql.pipeline.Pipeline;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.MatchType;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.promql.value.QueryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a metric query at a list of steps. Each range aggregation runs its pipeline once over
 * every line any step needs and keeps the resulting samples, so each step only slices its window
 * {@code (t - range - offset, t - offset]} out of them (Loki's batch iterator gives the same values).
 */
final class Evaluator implements LogqlVisitor<StepValue> {
  private final MemoryLogStore store;
  private final long[] steps;
  private final QueryDeadline deadline;
  private final boolean preserveErrors;
  private final Set<RangeAggregation> parsedLabelsUnused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<RangeAggregation, List<SeriesSet.SampleSeries>> extracted = new IdentityHashMap<>();
  private static final int GROUPED_CACHE_LIMIT = 4096;
  private final Map<LabelReplace, com.google.re2j.Pattern> replaceRegexes = new IdentityHashMap<>();
  private int step;

  Evaluator(MemoryLogStore store, long[] steps, QueryDeadline deadline, SampleExpr root) {
    this.store = store;
    this.steps = steps;
    this.deadline = deadline;
    this.preserveErrors = groupsByError(root);
    findUnusedParsers(root, false);
  }

  /**
   * Loki's parser hints ({@code log/parser_hints.go}): when nothing needs parsed labels, {@code
   * json}, {@code logfmt} and {@code unpack} do not run, so they cannot flag errors. That is the
   * case under an outer {@code sum} without grouping pushed into {@code count_over_time}, {@code
   * rate} or {@code bytes_*}, and for {@code absent_over_time}, when no later stage reads labels.
   */
  private void findUnusedParsers(SampleExpr e, boolean underPlainSum) {
    if (e instanceof RangeAggregation r) {
      boolean pushable =
          underPlainSum
              && r.grouping().isEmpty()
              && r.range().unwrap().isEmpty()
              && switch (r.op()) {
                case COUNT_OVER_TIME, RATE, BYTES_OVER_TIME, BYTES_RATE -> true;
                default -> false;
              };
      boolean absent = r.op() == RangeOp.ABSENT_OVER_TIME && r.range().unwrap().isEmpty();
      if ((pushable || absent) && !readsLabels(r.range().query().stages())) {
        parsedLabelsUnused.add(r);
      }
    } else if (e instanceof VectorAggregation v) {
      findUnusedParsers(v.inner(), v.op() == dev.tocsin.logql.ast.VectorOp.SUM && v.grouping().isEmpty());
    } else if (e instanceof BinaryExpr b) {
      findUnusedParsers(b.lhs(), false);
      findUnusedParsers(b.rhs(), false);
    } else if (e instanceof LabelReplace l) {
      findUnusedParsers(l.inner(), false);
    }
  }

  private static boolean readsLabels(List<Stage> stages) {
    for (Stage s : stages) {
      if (s instanceof dev.tocsin.logql.ast.LabelFilterStage || s instanceof LineFormat
          || s instanceof dev.tocsin.logql.ast.LabelFormat || s instanceof dev.tocsin.logql.ast.DropLabels
          || s instanceof dev.tocsin.logql.ast.KeepLabels) {
        return true;
      }
    }
    return false;
  }

  /** The stages without the parsers whose labels nobody reads ({@code unpack} stays when a later stage reads the line). */
  private static List<Stage> withoutUnusedParsers(List<Stage> stages) {
    List<Stage> out = new ArrayList<>(stages.size());
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      boolean skip = s instanceof JsonParser || s instanceof LogfmtParser
          || (s instanceof UnpackParser && !readsLineLater(stages, i + 1));
      if (!skip) {
        out.add(s);
      }
    }
    return out;
  }

  StepValue evaluate(SampleExpr e, int stepIndex) {
    this.step = stepIndex;
    return e.accept(this);
  }

  /** Loki lets errored samples through when the query groups by {@code __error__} ({@code __preserve_error__}). */
  private static boolean groupsByError(SampleExpr e) {
    if (e instanceof RangeAggregation r) {
      return r.grouping().map(g -> !g.without() && g.labels().contains(LabelState.ERROR)).orElse(false);
    }
    if (e instanceof VectorAggregation v) {
      return v.grouping().map(g -> !g.without() && g.labels().contains(LabelState.ERROR)).orElse(false)
          || groupsByError(v.inner());
    }
    if (e instanceof BinaryExpr b) {
      return groupsByError(b.lhs()) || groupsByError(b.rhs());
    }
    if (e instanceof LabelReplace l) {
      return groupsByError(l.inner());
    }
    return false;
  }

  @Override
  public StepValue visitLogQuery(LogQuery node) {
    throw new IllegalStateException("a log query is not a metric expression");
  }

  @Override
  public StepValue visitLiteral(LiteralExpr node) {
    return new ScalarStep(node.value());
  }

  @Override
  public StepValue visitVector(VectorExpr node) {
    return new VectorStep(List.of(new StepSample(Labels.EMPTY, node.value())));
  }

  @Override
  public StepValue visitLabelReplace(LabelReplace node) {
    VectorStep in = vector(node.inner().accept(this));
    com.google.re2j.Pattern re =
        replaceRegexes.computeIfAbsent(node, n -> com.google.re2j.Pattern.compile("^(?s:" + n.regex() + ")$"));
    List<StepSample> out = new ArrayList<>(in.samples().size());
    for (StepSample s : in.samples()) {
      com.google.re2j.Matcher m = re.matcher(s.labels().getOrEmpty(node.source()));
      if (!m.matches()) {
        out.add(s);
        continue;
      }
      String res = GoRegexExpand.expand(node.replacement(), m);
      Labels.Builder b = s.labels().toBuilder();
      if (res.isEmpty()) {
        b.remove(node.destination());
      } else {
        b.put(node.destination(), res);
      }
      out.add(new StepSample(b.build(), s.value()));
    }
    return new VectorStep(out);
  }

  @Override
  public StepValue visitVectorAggregation(VectorAggregation node) {
    VectorStep in = vector(node.inner().accept(this));
    return new VectorStep(VectorAggregations.aggregate(node, in.samples()));
  }

  @Override
  public StepValue visitBinary(BinaryExpr node) {
    StepValue l = node.lhs().accept(this);
    StepValue r = node.rhs().accept(this);
    return BinaryOperations.evaluate(node, l, r);
  }

  private static VectorStep vector(StepValue v) {
    if (v instanceof VectorStep vs) {
      return vs;
    }
    throw new QueryException(QueryException.ErrorType.BAD_DATA, "expected a vector, got a scalar");
  }

  @Override
  public StepValue visitRangeAggregation(RangeAggregation node) {
    LogRange r = node.range();
    long rangeN = r.range().toNanos();
    long offN = r.offset().map(Duration::toNanos).orElse(0L);
    List<SeriesSet.SampleSeries> series = extracted.computeIfAbsent(node, n -> extract(n, rangeN, offN));
    long end = steps[step] - offN;
    long start = end - rangeN;
    if (node.op() == RangeOp.ABSENT_OVER_TIME) {
      for (SeriesSet.SampleSeries s : series) {
        int lo = s.firstAfter(start);
        if (lo < s.size && s.ts[lo] <= end) {
          return new VectorStep(List.of());
        }
      }
      return new VectorStep(List.of(new StepSample(absentLabels(r.query()), 1)));
    }
    double param = node.parameter().isPresent() ? node.parameter().getAsDouble() : 0;
    List<StepSample> out = new ArrayList<>();
    for (SeriesSet.SampleSeries s : series) {
      int lo = s.firstAfter(start);
      int hi = s.firstAfter(end);
      if (lo >= hi) {
        continue;
      }
      if (s.errored) {
        throw PipelineErrors.failure(s.labels);
      }
      out.add(new StepSample(s.labels, RangeFunctions.apply(node.op(), param, s.ts, s.values, lo, hi, start, end, rangeN)));
    }
    return new VectorStep(out);
  }

  private List<SeriesSet.SampleSeries> extract(RangeAggregation node, long rangeN, long offN) {
    LogRange r = node.range();
    boolean bytes = node.op() == RangeOp.BYTES_OVER_TIME || node.op() == RangeOp.BYTES_RATE;
    List<Stage> stages = elideLineFormat(r.query().stages(), bytes);
    if (parsedLabelsUnused.contains(node)) {
      stages = withoutUnusedParsers(stages);
    }
    Pipeline pipeline = Pipeline.compile(stages);
    UnwrapExtractor unwrap = r.unwrap().map(UnwrapExtractor::new).orElse(null);
    long from = steps[0] - offN - rangeN;
    long to = steps[steps.length - 1] - offN;
    Grouping grouping = node.grouping().orElse(null);
    SeriesSet set = new SeriesSet();
    Map<Labels, Labels> grouped = new HashMap<>();
    for (MemoryLogStore.Stream stream : store.select(r.query().selector().matchers())) {
      MemoryLogStore.Snapshot snap = stream.snapshot();
      List<LogEntry> entries = snap.entries();
      for (int i = snap.firstAfter(from); i < entries.size(); i++) {
        LogEntry e = entries.get(i);
        if (e.timestampNanos() > to) {
          break;
        }
        deadline.tick();
        LineContext ctx = pipeline.process(e.timestampNanos(), e.line(), stream.labels(), e.structuredMetadata());
        if (ctx == null) {
          continue;
        }
        double value;
        if (unwrap != null) {
          if (!unwrap.extract(ctx)) {
            continue;
          }
          value = unwrap.value();
        } else if (bytes) {
          value = utf8Length(ctx.line());
        } else {
          value = 1;
        }
        Labels full = ctx.labels().toLabels();
        boolean errored = ctx.labels().hasError();
        Labels labels;
        if (errored && !preserveErrors) {
          // An errored sample keeps its full label set whatever the grouping (log/labels.go).
          labels = full;
        } else {
          labels = grouped.get(full);
          if (labels == null) {
            labels = outputLabels(full, grouping, unwrap);
            // Extracted fields often differ on every line (ids, latencies): a bounded cache keeps
            // the repeated label sets without holding one entry per line.
            if (grouped.size() < GROUPED_CACHE_LIMIT) {
              grouped.put(full, labels);
            }
          }
        }
        set.add(labels, errored && !preserveErrors, e.timestampNanos(), value);
      }
    }
    return set.finish();
  }

  private static Labels outputLabels(Labels full, Grouping grouping, UnwrapExtractor unwrap) {
    if (grouping != null) {
      if (!grouping.without()) {
        return full.keepOnly(grouping.labels());
      }
      List<String> drop = new ArrayList<>(grouping.labels());
      if (unwrap != null) {
        drop.add(unwrap.label());
      }
      return full.without(drop);
    }
    return unwrap != null ? full.without(unwrap.label()) : full;
  }

  /**
   * Loki's {@code removeLineformat} optimisation: outside {@code bytes_*}, a {@code line_format}
   * that no later line filter or parser reads is dropped before execution.
   */
  static List<Stage> elideLineFormat(List<Stage> stages, boolean bytes) {
    if (bytes) {
      return stages;
    }
    List<Stage> out = new ArrayList<>(stages.size());
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (s instanceof LineFormat && !readsLineLater(stages, i + 1)) {
        continue;
      }
      out.add(s);
    }
    return out;
  }

  private static boolean readsLineLater(List<Stage> stages, int from) {
    for (int i = from; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (s instanceof LineFilter || s instanceof JsonParser || s instanceof LogfmtParser
          || s instanceof RegexpParser || s instanceof PatternParser || s instanceof UnpackParser) {
        return true;
      }
    }
    return false;
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * The labels of {@code absent_over_time}'s sample: the selector's equality matchers, minus any
   * name that also has another matcher ({@code absentLabels} in {@code evaluator.go}).
   */
  static Labels absentLabels(LogQuery q) {
    Map<String, String> eq = new HashMap<>();
    Set<String> excluded = new HashSet<>();
    for (LabelMatcher m : q.selector().matchers()) {
      if (m.type() != MatchType.EQUAL || eq.containsKey(m.name())) {
        excluded.add(m.name());
        continue;
      }
      eq.put(m.name(), m.value());
    }
    Labels.Builder b = Labels.builder();
    eq.forEach(
        (k, v) -> {
          if (!excluded.contains(k)) {
            b.put(k, v);
          }
        });
    return b.build();
  }
}
