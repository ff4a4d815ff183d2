package dev.tocsin.promql.promqltest;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.PromDuration;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.VectorSelector;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.promql.engine.QueryOutcome;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Prometheus' PromQL test-script language ({@code promql/promqltest}) against the embedded
 * engine: {@code load}, {@code clear}, {@code eval instant|range} with the legacy {@code _fail},
 * {@code _warn}, {@code _info} and {@code _ordered} suffixes, {@code expect} lines, expected series
 * in expanding notation and bare scalar expectations. It runs with every implemented feature on
 * and delayed {@code __name__} removal, as Prometheus' test engine does. Evaluations that need
 * native histograms are counted as skipped, with the reason.
 */
public final class PromqlTestRunner {
  private static final Pattern LOAD = Pattern.compile("^load(?:_(with_nhcb))?\\s+(.+?)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern EVAL_INSTANT =
      Pattern.compile("^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
  private static final Pattern EVAL_RANGE =
      Pattern.compile("^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
  private static final Pattern EXPECT =
      Pattern.compile("^expect\\s+(fail|warn|no_warn|info|no_info|ordered)(?:\\s+(msg|regex):(.*))?$");
  private static final Pattern EXPECT_RANGE_VECTOR =
      Pattern.compile("^expect\\s+range\\s+vector\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)$");
  private static final Pattern EXPECT_STRING = Pattern.compile("^expect\\s+string\\s+(.*)$");

  private final EngineOptions options;

  /** A runner with Prometheus' test-engine settings. */
  public PromqlTestRunner() {
    this(EngineOptions.TEST_SCRIPTS);
  }

  public PromqlTestRunner(EngineOptions options) {
    this.options = Objects.requireNonNull(options, "options is null");
  }

  /** Runs a script file. */
  public ScriptResult run(Path script) throws IOException {
    return run(script.getFileName().toString(), Files.readString(script, StandardCharsets.UTF_8));
  }

  /** Runs a script given as text. */
  public ScriptResult run(String name, String content) {
    return new Run(name, content).execute();
  }

  /** The state of one script run. */
  private final class Run {
    private final String name;
    private final String[] lines;
    private final MemoryStorage storage = new MemoryStorage();
    /**
     * The native histograms with custom buckets that {@code load_with_nhcb} would add beside the
     * classic series; queries selecting them are skipped. (Native samples written as {@code {{…}}}
     * are placeholders in the storage itself.)
     */
    private final MemoryStorage nativeSeries = new MemoryStorage();
    private final MemoryPromqlEngine engine = new MemoryPromqlEngine(storage, options);
    private final List<ScriptFailure> failures = new ArrayList<>();
    private final List<ScriptSkip> skips = new ArrayList<>();
    private int passed;
    private int failed;

    Run(String name, String content) {
      this.name = name;
      String[] raw = content.split("\n", -1);
      lines = new String[raw.length];
      for (int i = 0; i < raw.length; i++) {
        String l = raw[i].trim();
        // A comment line counts as an empty line, so it ends a block, as in Prometheus.
        lines[i] = l.startsWith("#") ? "" : l;
      }
    }

    ScriptResult execute() {
      int i = 0;
      while (i < lines.length) {
        String line = lines[i];
        if (line.isEmpty()) {
          i++;
          continue;
        }
        String cmd = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        try {
          if (cmd.equals("clear")) {
            storage.clear();
            nativeSeries.clear();
            i++;
          } else if (cmd.startsWith("load")) {
            i = load(i);
          } else if (cmd.startsWith("eval")) {
            i = eval(i);
          } else {
            fail(i, line, "invalid command " + cmd);
            i++;
          }
        } catch (RuntimeException e) {
          fail(i, line, "cannot run command: " + e);
          i = skipBlock(i);
        }
      }
      return new ScriptResult(name, passed, failed, skips.size(), failures, skips);
    }

    private int skipBlock(int i) {
      int j = i + 1;
      while (j < lines.length && !lines[j].isEmpty()) {
        j++;
      }
      return j;
    }

    private void fail(int i, String command, String message) {
      failed++;
      failures.add(new ScriptFailure(i + 1, command, message));
    }

    private int load(int i) {
      Matcher m = LOAD.matcher(lines[i]);
      if (!m.matches()) {
        throw new IllegalArgumentException("invalid load command");
      }
      boolean nhcb = m.group(1) != null;
      long step = PromDuration.parseMillis(m.group(2).trim());
      int j = i + 1;
      Map<Labels, List<Double>> block = new LinkedHashMap<>();
      while (j < lines.length && !lines[j].isEmpty()) {
        String l = lines[j];
        SeriesDescriptor.Parsed p = SeriesDescriptor.parse(l);
        block.put(p.labels(), SeriesValues.parse(p.rest()));
        j++;
      }
      for (Map.Entry<Labels, List<Double>> e : block.entrySet()) {
        List<Double> values = e.getValue();
        for (int k = 0; k < values.size(); k++) {
          Double v = values.get(k);
          if (v == SeriesValues.HISTOGRAM) {
            // Native histogram samples are held as placeholders; queries reading them are skipped.
            storage.appendNativeHistogram(e.getKey(), k * step);
          } else if (v != null) {
            storage.append(e.getKey(), k * step, v);
          }
        }
        if (nhcb) {
          registerNhcb(e.getKey());
        }
      }
      return j;
    }

    /** load_with_nhcb also makes a native histogram with custom buckets of each classic family. */
    private void registerNhcb(Labels labels) {
      String metric = labels.getOrEmpty(Labels.METRIC_NAME);
      for (String suffix : List.of("_bucket", "_count", "_sum")) {
        if (metric.endsWith(suffix)) {
          String base = metric.substring(0, metric.length() - suffix.length());
          nativeSeries.append(labels.toBuilder().put(Labels.METRIC_NAME, base).remove("le").build(), 0, 0);
        }
      }
    }

    private int eval(int i) {
      String line = lines[i];
      EvalCommand cmd = parseEvalLine(i, line);
      int j = i + 1;
      int position = 0;
      while (j < lines.length && !lines[j].isEmpty()) {
        String l = lines[j];
        j++;
        if (l.contains("{{")) {
          cmd.skipReason = "native histogram samples";
        }
        if (l.startsWith("expected_fail_message")) {
          cmd.failMessage = l.substring("expected_fail_message".length()).trim();
          break;
        }
        if (l.startsWith("expected_fail_regexp")) {
          cmd.failRegex = l.substring("expected_fail_regexp".length()).trim();
          break;
        }
        Matcher rv = EXPECT_RANGE_VECTOR.matcher(l);
        if (rv.matches()) {
          cmd.rangeVectorExpected = true;
          cmd.start = PromDuration.parseMillis(rv.group(1));
          cmd.end = PromDuration.parseMillis(rv.group(2));
          cmd.step = PromDuration.parseMillis(rv.group(3));
          continue;
        }
        Matcher es = EXPECT_STRING.matcher(l);
        if (es.matches()) {
          cmd.expectedString = unquote(es.group(1).trim());
          continue;
        }
        Matcher ex = EXPECT.matcher(l);
        if (ex.matches()) {
          expectLine(cmd, ex);
          continue;
        }
        Double scalar = parseNumber(l);
        if (scalar != null) {
          cmd.expectedScalar = scalar;
          break;
        }
        if (cmd.skipReason != null) {
          continue;
        }
        SeriesDescriptor.Parsed p = SeriesDescriptor.parse(l);
        List<Double> values = SeriesValues.parse(p.rest());
        if (!cmd.range && !cmd.rangeVectorExpected && values.size() != 1) {
          throw new IllegalArgumentException(
              "expecting multiple values in instant evaluation not allowed, consider using 'expect range vector'");
        }
        position++;
        cmd.expected.put(p.labels(), new EvalCommand.Expected(p.labels(), values, position));
      }
      if (cmd.rangeVectorExpected) {
        // The instant query is evaluated at the end of the expected range.
        cmd.end = Math.max(cmd.end, cmd.start);
      }
      run(cmd);
      return j;
    }

    private void expectLine(EvalCommand cmd, Matcher ex) {
      String kind = ex.group(1);
      String mode = ex.group(2);
      String text = ex.group(3) == null ? null : ex.group(3).trim();
      String msg = "msg".equals(mode) ? text : null;
      String regex = "regex".equals(mode) ? text : null;
      switch (kind) {
        case "fail" -> {
          cmd.failExpected = true;
          cmd.failMessage = msg;
          cmd.failRegex = regex;
        }
        case "warn" -> cmd.warns.add(new EvalCommand.AnnotationExpectation(msg, regex));
        case "info" -> cmd.infos.add(new EvalCommand.AnnotationExpectation(msg, regex));
        case "no_warn" -> cmd.noWarn = true;
        case "no_info" -> cmd.noInfo = true;
        case "ordered" -> cmd.ordered = true;
        default -> throw new IllegalArgumentException("invalid expect line");
      }
    }

    private EvalCommand parseEvalLine(int i, String line) {
      Matcher r = EVAL_RANGE.matcher(line);
      if (r.matches()) {
        EvalCommand cmd = new EvalCommand(i + 1, line, r.group(5), true);
        modifier(cmd, r.group(1));
        cmd.start = PromDuration.parseMillis(r.group(2).trim());
        cmd.end = PromDuration.parseMillis(r.group(3).trim());
        cmd.step = PromDuration.parseMillis(r.group(4).trim());
        if (cmd.end < cmd.start) {
          throw new IllegalArgumentException("invalid test definition, end timestamp is before start timestamp");
        }
        return cmd;
      }
      Matcher m = EVAL_INSTANT.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("invalid evaluation command");
      }
      EvalCommand cmd = new EvalCommand(i + 1, line, m.group(3), false);
      modifier(cmd, m.group(1));
      cmd.end = m.group(2) == null ? 0 : PromDuration.parseMillis(m.group(2).trim());
      cmd.start = cmd.end;
      return cmd;
    }

    private void modifier(EvalCommand cmd, String mod) {
      if (mod == null) {
        return;
      }
      switch (mod) {
        case "fail" -> cmd.failExpected = true;
        case "warn" -> cmd.legacyWarn = true;
        case "info" -> cmd.legacyInfo = true;
        case "ordered" -> cmd.ordered = true;
        default -> throw new IllegalArgumentException("invalid eval modifier " + mod);
      }
    }

    private void run(EvalCommand cmd) {
      String reason = cmd.skipReason != null ? cmd.skipReason : nativeHistogramReason(cmd.expr);
      if (reason != null) {
        skips.add(new ScriptSkip(cmd.line, cmd.text, reason));
        return;
      }
      String problem;
      try {
        problem = check(cmd);
      } catch (NativeHistogramsRead e) {
        skips.add(new ScriptSkip(cmd.line, cmd.text, "native histograms"));
        return;
      }
      if (problem == null) {
        passed++;
      } else {
        fail(cmd.line - 1, cmd.text, problem);
      }
    }

    /** Why the expression cannot be answered without native histograms, or null. */
    private String nativeHistogramReason(String expr) {
      if (nativeSeries.seriesCount() == 0) {
        return null;
      }
      Expr parsed;
      try {
        parsed = engine.parse(expr);
      } catch (QueryException e) {
        return null;
      }
      List<VectorSelector> selectors = new ArrayList<>();
      collectSelectors(parsed, selectors);
      for (VectorSelector vs : selectors) {
        List<LabelMatcher> matchers = vs.matchers();
        if (!nativeSeries.select(matchers).isEmpty()) {
          return "native histograms";
        }
      }
      return null;
    }

    private String check(EvalCommand cmd) {
      if (cmd.range) {
        return checkQuery(cmd, cmd.expr, cmd.start, true, null);
      }
      QueryResult[] instant = new QueryResult[1];
      String problem = checkQuery(cmd, cmd.expr, cmd.end, true, instant);
      if (problem != null || cmd.failExpected) {
        return problem;
      }
      try {
        return consistencyChecks(cmd, instant);
      } catch (NativeHistogramsRead e) {
        // The optional checks evaluate at other times, where native histogram samples may be in
        // reach even though the evaluation itself read none; they are then left out.
        return null;
      }
    }

    private String consistencyChecks(EvalCommand cmd, QueryResult[] instant) {
      String problem = checkRangeMode(cmd, cmd.expr, cmd.end, instant[0]);
      if (problem != null) {
        return problem;
      }
      // Prometheus' consistency check: with every selector pinned by @ to the evaluation time,
      // the expression must give the same result whenever it is evaluated.
      Expr parsed = engine.parse(cmd.expr);
      Expr pinned = AtModifierRewriter.rewrite(parsed, cmd.end);
      if (pinned == null) {
        return null;
      }
      String text = pinned.toPromql();
      long ts = cmd.end;
      long[] times = ts == 0 ? new long[] {-1000, 1000} : new long[] {-10 * ts, 0, ts / 5, ts, 10 * ts};
      for (long t : times) {
        problem = checkQuery(cmd, text, t, false, instant);
        if (problem == null) {
          problem = checkRangeMode(cmd, text, t, instant[0]);
        }
        if (problem != null) {
          return "with @ modifiers (" + text + ") at " + t + "ms: " + problem;
        }
      }
      return null;
    }

    /** Runs one query as the command says and compares; the instant result goes to {@code out}. */
    private String checkQuery(EvalCommand cmd, String expr, long time, boolean annotations, QueryResult[] out) {
      QueryOutcome outcome;
      try {
        if (cmd.range) {
          outcome = engine.evaluateRange(expr, cmd.start, cmd.end, cmd.step);
        } else {
          outcome = engine.evaluateInstant(expr, time);
        }
      } catch (QueryException e) {
        nativeHistograms(e);
        if (!cmd.failExpected) {
          return "error evaluating query: " + e.getMessage();
        }
        if (cmd.failMessage != null && !cmd.failMessage.equals(e.getMessage())) {
          return "expected error \"" + cmd.failMessage + "\" but got \"" + e.getMessage() + "\"";
        }
        if (cmd.failRegex != null && !com.google.re2j.Pattern.compile(cmd.failRegex).matcher(e.getMessage()).find()) {
          return "expected error matching " + cmd.failRegex + " but got \"" + e.getMessage() + "\"";
        }
        return null;
      }
      if (cmd.failExpected) {
        return "expected error evaluating query but got none";
      }
      if (annotations) {
        // Annotation positions refer to the text as written, so only the original text is checked.
        String problem = checkAnnotations(cmd, outcome);
        if (problem != null) {
          return problem;
        }
      }
      if (out != null) {
        out[0] = outcome.result();
      }
      return compare(cmd, outcome.result());
    }

    /**
     * Prometheus' range-mode check of an instant evaluation: the same expression as a range query
     * around the evaluation time must give the expected result at its middle step.
     */
    private String checkRangeMode(EvalCommand cmd, String expr, long t, QueryResult instant) {
      if (cmd.ordered || cmd.rangeVectorExpected || cmd.expectedString != null || usesQueryRangeFunctions(expr)) {
        return null;
      }
      QueryOutcome outcome;
      try {
        outcome = engine.evaluateRange(expr, t - 60_000, t + 60_000, 60_000);
      } catch (QueryException e) {
        nativeHistograms(e);
        return "error evaluating query in range mode: " + e.getMessage();
      }
      Matrix m = (Matrix) outcome.result();
      List<Sample> middle = new ArrayList<>();
      for (Series s : m.series()) {
        for (int i = 0; i < s.size(); i++) {
          if (s.timestamp(i) == t) {
            middle.add(new Sample(s.metric(), t, s.value(i)));
            break;
          }
        }
      }
      String problem;
      if (instant instanceof Scalar) {
        problem = middle.isEmpty() ? "no scalar in range mode" : compare(cmd, new Scalar(t, middle.get(0).value()));
      } else {
        problem = compare(cmd, new Vector(middle));
      }
      return problem == null ? null : "in range mode: " + problem;
    }

    private void nativeHistograms(QueryException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(MemoryPromqlEngine.NATIVE_HISTOGRAMS_UNSUPPORTED)) {
        throw new NativeHistogramsRead();
      }
    }

    private boolean usesQueryRangeFunctions(String expr) {
      boolean[] found = new boolean[1];
      CallFinder.forEach(engine.parse(expr), c -> {
        String n = c.function().name();
        found[0] |= n.equals("start") || n.equals("end") || n.equals("range") || n.equals("step");
      });
      return found[0];
    }

    private String checkAnnotations(EvalCommand cmd, QueryOutcome outcome) {
      String w = checkKind("warn", cmd.warns, cmd.noWarn, cmd.legacyWarn, outcome.warnings());
      return w != null ? w : checkKind("info", cmd.infos, cmd.noInfo, cmd.legacyInfo, outcome.infos());
    }

    private String checkKind(
        String kind, List<EvalCommand.AnnotationExpectation> expected, boolean none, boolean legacy, List<String> got) {
      if (none && !got.isEmpty()) {
        return "unexpected " + kind + " annotations: " + got;
      }
      if (legacy && got.isEmpty()) {
        return "expected " + kind + " annotations but got none";
      }
      if (expected.isEmpty()) {
        return null;
      }
      for (EvalCommand.AnnotationExpectation e : expected) {
        if (got.stream().noneMatch(e::matches)) {
          return "expected " + kind + " annotation " + (e.message() != null ? "\"" + e.message() + "\"" : e.regex() != null ? "matching " + e.regex() : "")
              + " but got " + got;
        }
      }
      for (String a : got) {
        if (expected.stream().noneMatch(e -> e.matches(a))) {
          return "unexpected " + kind + " annotation \"" + a + "\"";
        }
      }
      return null;
    }

    private String compare(EvalCommand cmd, QueryResult result) {
      if (cmd.expectedString != null) {
        if (result instanceof StringResult s && s.value().equals(cmd.expectedString)) {
          return null;
        }
        return "expected string \"" + cmd.expectedString + "\" but got " + result;
      }
      if (result instanceof Scalar s) {
        if (cmd.expectedScalar == null) {
          return "expected vector or matrix result, but got scalar " + s.value();
        }
        if (!AlmostEqual.equal(cmd.expectedScalar, s.value())) {
          return "expected scalar " + cmd.expectedScalar + " but got " + s.value();
        }
        return null;
      }
      if (cmd.expectedScalar != null) {
        return "expected scalar result, but got " + result;
      }
      if (result instanceof StringResult s) {
        return "unexpected string result \"" + s.value() + "\"";
      }
      if (result instanceof Vector v) {
        if (cmd.range || cmd.rangeVectorExpected) {
          return "expected a range vector result but got an instant vector";
        }
        return compareVector(cmd, v);
      }
      if (result instanceof Matrix m) {
        if (!cmd.range && !cmd.rangeVectorExpected) {
          return "received range result on instant evaluation";
        }
        return compareMatrix(cmd, m);
      }
      return "unexpected result " + result;
    }

    private String compareVector(EvalCommand cmd, Vector v) {
      Set<Labels> seen = new HashSet<>();
      int pos = 0;
      for (Sample s : v.samples()) {
        pos++;
        EvalCommand.Expected e = cmd.expected.get(s.metric());
        if (e == null) {
          return "unexpected metric " + s.metric() + " in result, has value " + s.value();
        }
        if (cmd.ordered && e.position() != pos) {
          return "expected metric " + s.metric() + " at position " + e.position() + " but was at " + pos;
        }
        Double want = e.values().get(0);
        if (want == null || !AlmostEqual.equal(want, s.value())) {
          return "expected " + want + " for " + s.metric() + " but got " + s.value();
        }
        seen.add(s.metric());
      }
      for (Labels l : cmd.expected.keySet()) {
        if (!seen.contains(l)) {
          return "expected metric " + l + " with " + cmd.expected.get(l).values() + " not found";
        }
      }
      return null;
    }

    private String compareMatrix(EvalCommand cmd, Matrix m) {
      if (cmd.ordered) {
        return "expected ordered result, but query returned a matrix";
      }
      Set<Labels> seen = new HashSet<>();
      Labels previous = null;
      for (Series s : m.series()) {
        if (previous != null && previous.compareTo(s.metric()) > 0) {
          return "matrix results should always be sorted by labels, but " + previous + " came before " + s.metric();
        }
        previous = s.metric();
        EvalCommand.Expected e = cmd.expected.get(s.metric());
        if (e == null) {
          return "unexpected metric " + s.metric() + " in result, has " + describe(s);
        }
        seen.add(s.metric());
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < e.values().size(); k++) {
          long t = cmd.start + k * cmd.step;
          if (t > cmd.end) {
            return "expected " + e.values().size() + " points for " + s.metric()
                + ", but query time range cannot return this many points";
          }
          Double v = e.values().get(k);
          if (v != null) {
            times.add(new long[] {t});
            values.add(v);
          }
        }
        if (times.size() != s.size()) {
          return "expected " + times.size() + " float points for " + s.metric() + ", but got " + describe(s);
        }
        for (int k = 0; k < times.size(); k++) {
          if (times.get(k)[0] != s.timestamp(k)) {
            return "expected point " + k + " of " + s.metric() + " at " + times.get(k)[0] + " but it is at "
                + s.timestamp(k) + " (result has " + describe(s) + ")";
          }
          if (!AlmostEqual.equal(values.get(k), s.value(k))) {
            return "expected " + values.get(k) + " at t=" + s.timestamp(k) + " for " + s.metric() + " but got "
                + s.value(k) + " (result has " + describe(s) + ")";
          }
        }
      }
      for (Labels l : cmd.expected.keySet()) {
        if (!seen.contains(l)) {
          return "expected metric " + l + " not found";
        }
      }
      return null;
    }

    private String describe(Series s) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < s.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(s.value(i)).append(" @").append(s.timestamp(i));
      }
      return "[" + sb + "]";
    }
  }

  /** Signals that an evaluation read native histogram samples, which makes it a skip. */
  private static final class NativeHistogramsRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NativeHistogramsRead() {
      super(null, null, false, false);
    }
  }

  private static void collectSelectors(Expr e, List<VectorSelector> out) {
    if (e instanceof VectorSelector vs) {
      out.add(vs);
    } else if (e instanceof MatrixSelector ms) {
      out.add(ms.selector());
    } else if (e instanceof Call c) {
      c.args().forEach(a -> collectSelectors(a, out));
    } else if (e instanceof AggregateExpr a) {
      collectSelectors(a.expr(), out);
      if (a.param() != null) {
        collectSelectors(a.param(), out);
      }
    } else if (e instanceof BinaryExpr b) {
      collectSelectors(b.lhs(), out);
      collectSelectors(b.rhs(), out);
    } else if (e instanceof UnaryExpr u) {
      collectSelectors(u.expr(), out);
    } else if (e instanceof ParenExpr p) {
      collectSelectors(p.expr(), out);
    } else if (e instanceof SubqueryExpr s) {
      collectSelectors(s.expr(), out);
    }
  }

  /** A bare number line: Go's ParseInt with base prefixes, else ParseFloat (NaN, Inf). */
  static Double parseNumber(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.contains(" ")) {
      return null;
    }
    try {
      String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
      boolean neg = t.startsWith("-");
      if (u.startsWith("0x") || u.startsWith("0X")) {
        double v = Long.parseLong(u.substring(2), 16);
        return neg ? -v : v;
      }
      if (u.equalsIgnoreCase("inf") || u.equalsIgnoreCase("infinity")) {
        return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (u.equalsIgnoreCase("nan")) {
        return Double.NaN;
      }
      if (!u.matches("[0-9.]+([eE][+-]?[0-9]+)?") || u.equals(".")) {
        return null;
      }
      if (u.length() > 1 && u.startsWith("0") && u.matches("[0-7]+")) {
        double v = Long.parseLong(u, 8);
        return neg ? -v : v;
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
      String body = s.substring(1, s.length() - 1);
      return s.startsWith("`") ? body : body.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }
}
