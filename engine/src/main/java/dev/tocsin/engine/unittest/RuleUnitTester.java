package dev.tocsin.engine.unittest;

import dev.tocsin.engine.eval.EvaluationSettings;
import dev.tocsin.engine.eval.GroupEvaluation;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.PrometheusTemplateExpander;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.eval.RuleOutcome;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.engine.unittest.UnitTestFile.AlertTest;
import dev.tocsin.engine.unittest.UnitTestFile.ExpectedAlert;
import dev.tocsin.engine.unittest.UnitTestFile.ExpectedSample;
import dev.tocsin.engine.unittest.UnitTestFile.ExprTest;
import dev.tocsin.engine.unittest.UnitTestFile.InputSeries;
import dev.tocsin.engine.unittest.UnitTestFile.TestGroup;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.Labels;
import dev.tocsin.model.PromDuration;
import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.logql.engine.MemoryLogqlEngine;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.promql.promqltest.SeriesValues;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Vector;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import dev.tocsin.template.fmt.GoFloat;
import dev.tocsin.template.value.GoDuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs promtool's rule unit tests: for each test group, loads the input series into an embedded
 * PromQL engine, steps every rule group at the evaluation interval through the same {@link
 * GroupEvaluator} the daemon uses, checks the firing alerts at each {@code eval_time}, then runs
 * the PromQL checks on the final storage. Messages are promtool's.
 */
public final class RuleUnitTester {
  /** How many evaluation steps one test group may take, so a typo cannot run for days. */
  static final long MAX_STEPS = 10_000_000L;

  /** Options of {@code test rules}; {@code debug} dumps each group's data after it ran, as promtool's {@code --debug}. */
  public record Options(LoadOptions loadOptions, Pattern run, boolean debug, boolean diff) {
    public Options(LoadOptions loadOptions, Pattern run) {
      this(loadOptions, run, false, false);
    }
  }

  /**
   * The outcome of one test file: warnings to print first, errors that stopped the whole file, and
   * each test group's errors (no errors anywhere means success).
   */
  public record Result(List<String> warnings, List<String> fileErrors, List<GroupResult> groups) {
    public Result {
      warnings = List.copyOf(warnings);
      fileErrors = List.copyOf(fileErrors);
      groups = List.copyOf(groups);
    }

    static Result failed(List<String> warnings, List<String> errors) {
      return new Result(warnings, errors, List.of());
    }

    /** Every error in promtool's order: the file's, then each group's. */
    public List<String> errors() {
      List<String> all = new ArrayList<>(fileErrors);
      groups.forEach(g -> all.addAll(g.errors()));
      return all;
    }
  }

  /**
   * One test group's errors; its name is promtool's JUnit name ({@code unnamed#i} when unnamed);
   * {@code debug} is the {@code --debug} dump to print before the errors, or {@code null}.
   */
  public record GroupResult(String name, List<String> errors, String debug) {
    public GroupResult {
      errors = List.copyOf(errors);
    }
  }

  private final Options options;

  public RuleUnitTester(Options options) {
    this.options = options;
  }

  /** Runs every test group of a file. */
  public Result test(Path file) {
    List<String> warnings = new ArrayList<>();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Result.failed(warnings, List.of("open " + file + ": no such file or directory"));
    }
    UnitTestFileReader.Result read = UnitTestFileReader.read(file.toString(), bytes);
    if (read.file() == null) {
      return Result.failed(warnings, read.errors().stream().map(Diagnostic::format).toList());
    }
    UnitTestFile tf = read.file();
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < tf.groupEvalOrder().size(); i++) {
      if (order.putIfAbsent(tf.groupEvalOrder().get(i), i) != null) {
        return Result.failed(warnings, List.of("group name repeated in evaluation order: " + tf.groupEvalOrder().get(i)));
      }
    }
    // Rule files are joined to the test file's folder as given, so messages name them as promtool does.
    Path dir = file.getParent() == null ? Path.of("") : file.getParent();
    List<Path> ruleFiles = new ArrayList<>();
    for (String pattern : tf.ruleFiles()) {
      List<Path> matched = RuleFileGlobs.expand(dir, pattern);
      if (matched.isEmpty()) {
        warnings.add("  WARNING: no file match pattern " + RuleFileGlobs.resolve(dir, pattern));
      }
      ruleFiles.addAll(matched);
    }
    List<RuleFile> loaded = new ArrayList<>();
    List<String> loadErrors = new ArrayList<>();
    RuleFileLoader loader = new RuleFileLoader(options.loadOptions());
    for (Path p : ruleFiles) {
      LoadResult r = loader.load(p);
      r.errors().forEach(d -> loadErrors.add(d.format()));
      if (!r.hasErrors()) {
        loaded.add(r.file());
      }
    }
    if (!loadErrors.isEmpty()) {
      return Result.failed(warnings, loadErrors);
    }
    List<RuleGroup> groups = orderedGroups(loaded, order);
    List<GroupResult> results = new ArrayList<>();
    for (int i = 0; i < tf.tests().size(); i++) {
      TestGroup g = tf.tests().get(i);
      if (options.run() != null && !options.run().matcher(g.name()).find()) {
        continue;
      }
      GroupRun run = new GroupRun(tf, g, groups);
      List<String> errors = run.run();
      results.add(new GroupResult(g.name().isEmpty() ? "unnamed#" + i : g.name(), errors, run.debug));
    }
    return new Result(warnings, List.of(), results);
  }

  /** The rule groups in evaluation order: listed groups by their index, others first, file order kept. */
  private static List<RuleGroup> orderedGroups(List<RuleFile> files, Map<String, Integer> order) {
    List<RuleGroup> out = new ArrayList<>();
    for (RuleFile f : files) {
      out.addAll(f.groups());
    }
    out.sort(Comparator.comparingInt(g -> order.getOrDefault(g.name(), 0)));
    return out;
  }

  /** One test group's simulation. */
  private final class GroupRun {
    private final UnitTestFile file;
    private final TestGroup tg;
    private final List<RuleGroup> ruleGroups;
    private final String namePrefix;
    private String debug;

    GroupRun(UnitTestFile file, TestGroup tg, List<RuleGroup> ruleGroups) {
      this.file = file;
      this.tg = tg;
      this.ruleGroups = ruleGroups;
      this.namePrefix = tg.name().isEmpty() ? "" : "    name: " + tg.name() + ",\n";
    }

    List<String> run() {
      for (AlertTest a : tg.alertTests()) {
        if (a.alertname().isEmpty()) {
          String in = tg.name().isEmpty() ? "" : " (in TestGroup " + tg.name() + ")";
          return List.of("an item under alert_rule_test misses required attribute alertname at eval_time "
              + PromDuration.format(a.evalTime()) + in);
        }
      }
      MemoryStorage storage = new MemoryStorage();
      EngineOptions engineOptions = EngineOptions.DEFAULT.withEvaluationInterval(file.evaluationInterval());
      if (options.loadOptions().experimentalFunctions()) {
        engineOptions = new EngineOptions(engineOptions.lookbackDelta(), engineOptions.evaluationInterval(), true,
            false, engineOptions.maxSamples(), engineOptions.timeout());
      }
      MemoryPromqlEngine engine = new MemoryPromqlEngine(storage, engineOptions);
      List<PendingSeries> inputs = new ArrayList<>();
      for (InputSeries s : tg.inputSeries()) {
        try {
          inputs.add(PendingSeries.of(s, tg.start(), tg.interval()));
        } catch (ExpressionException e) {
          return List.of(e.errors().get(0).format(e.text()));
        } catch (IllegalArgumentException e) {
          return List.of(e.getMessage());
        }
      }
      MemoryLogStore logs = new MemoryLogStore();
      try {
        StreamFile.load(logs, tg.inputStreams(), tg.start(), null);
      } catch (IllegalArgumentException e) {
        return List.of(e.getMessage());
      }
      MemoryLogqlEngine logql = new MemoryLogqlEngine(logs);
      Duration maxEval = Duration.ZERO;
      for (AlertTest a : tg.alertTests()) {
        maxEval = a.evalTime().compareTo(maxEval) > 0 ? a.evalTime() : maxEval;
      }
      for (ExprTest x : tg.exprTests()) {
        maxEval = x.evalTime().compareTo(maxEval) > 0 ? x.evalTime() : maxEval;
      }
      for (ExprTest x : tg.logqlTests()) {
        maxEval = x.evalTime().compareTo(maxEval) > 0 ? x.evalTime() : maxEval;
      }
      long steps = maxEval.toMillis() / file.evaluationInterval().toMillis();
      if (steps > MAX_STEPS) {
        return List.of("the test needs " + steps + " evaluation steps (eval_time " + PromDuration.format(maxEval)
            + " at evaluation_interval " + PromDuration.format(file.evaluationInterval()) + "), more than the limit of "
            + MAX_STEPS);
      }
      List<GroupEvaluator> evaluators = new ArrayList<>();
      PrometheusTemplateExpander templates = new PrometheusTemplateExpander(engine, tg.externalLabels(), tg.externalUrl());
      for (RuleGroup g : ruleGroups) {
        EvaluationSettings settings = new EvaluationSettings(tg.interval(),
            g.queryOffset() == null ? Duration.ZERO : g.queryOffset(), Duration.ofMinutes(1), tg.externalLabels(),
            tg.externalUrl(), tg.externalUrl());
        evaluators.add(new GroupEvaluator(g, Map.<QueryLanguage, QueryClient>of(QueryLanguage.PROMQL, engine,
            QueryLanguage.LOGQL, logql), settings,
            storage::append, templates, System::nanoTime));
      }
      List<AlertTest> alertTests = new ArrayList<>(tg.alertTests());
      alertTests.sort(Comparator.comparing(AlertTest::evalTime));
      int next = 0;
      List<String> errors = new ArrayList<>();
      Instant end = tg.start().plus(maxEval);
      for (Instant ts = tg.start(); !ts.isAfter(end); ts = ts.plus(file.evaluationInterval())) {
        for (PendingSeries p : inputs) {
          p.appendUntil(storage, ts.toEpochMilli());
        }
        List<String> evalErrors = new ArrayList<>();
        for (GroupEvaluator ev : evaluators) {
          GroupEvaluation result = ev.evaluate(ts);
          for (RuleOutcome o : result.rules()) {
            if (o.health() == RuleHealth.ERR) {
              evalErrors.add("    rule: " + o.rule().name() + ", time: "
                  + GoDuration.format(Duration.between(Instant.EPOCH, ts).toNanos()) + ", err: " + o.lastError());
            }
          }
        }
        errors.addAll(evalErrors);
        if (!evalErrors.isEmpty()) {
          return errors;
        }
        Duration offset = Duration.between(tg.start(), ts);
        Duration until = offset.plus(file.evaluationInterval());
        while (next < alertTests.size() && alertTests.get(next).evalTime().compareTo(offset) >= 0
            && alertTests.get(next).evalTime().compareTo(until) < 0) {
          AlertTest t = alertTests.get(next++);
          String failure = checkAlerts(t, evaluators);
          if (failure != null) {
            errors.add(failure);
          }
        }
      }
      for (ExprTest x : tg.exprTests()) {
        String failure = checkExpr(x, engine);
        if (failure != null) {
          errors.add(failure);
        }
      }
      for (ExprTest x : tg.logqlTests()) {
        String failure = checkExpr(x, logql);
        if (failure != null) {
          errors.add(failure);
        }
      }
      if (options.debug()) {
        debug = dump(engine, maxEval);
      }
      return errors;
    }

    /**
     * promtool's {@code --debug} dump: every series (inputs and rule outputs) over the whole run,
     * selected at the last evaluation time rounded up to the next whole second.
     */
    private String dump(MemoryPromqlEngine engine, Duration maxEval) {
      Duration ts = Duration.ofSeconds(maxEval.plusSeconds(1).getSeconds());
      String expr = "{__name__=~\".+\"}[" + GoDuration.format(ts.toNanos()) + "]";
      QueryResult r;
      try {
        r = engine.instantQuery(expr, tg.start().plus(ts));
      } catch (QueryException e) {
        return "DEBUG: Failed query exec, expr: " + goQuote(expr) + ", err: " + e.getMessage();
      }
      if (!(r instanceof Matrix m)) {
        return "DEBUG: Got unexpected type " + r.getClass().getSimpleName();
      }
      List<Series> series = new ArrayList<>(m.series());
      series.sort((a, b) -> a.metric().compareTo(b.metric()));
      StringBuilder sb = new StringBuilder("DEBUG: Dump of all data (input_series and rules) at ")
          .append(GoDuration.format(ts.toNanos())).append(":\n");
      for (int i = 0; i < series.size(); i++) {
        Series x = series.get(i);
        sb.append(i > 0 ? "\n" : "").append(x.metric()).append(" =>");
        for (int j = 0; j < x.size(); j++) {
          sb.append('\n').append(GoFloat.format(x.value(j), 'f', -1)).append(" @[").append(x.timestamp(j)).append(']');
        }
      }
      return sb.toString();
    }

    private String checkAlerts(AlertTest t, List<GroupEvaluator> evaluators) {
      List<LabelsAndAnnotations> got = new ArrayList<>();
      for (GroupEvaluator ev : evaluators) {
        List<Rule> rules = ev.group().rules();
        for (int i = 0; i < rules.size(); i++) {
          if (rules.get(i) instanceof AlertingRule ar && ar.name().equals(t.alertname())) {
            for (Alert a : ev.alertState(i).activeAlerts()) {
              if (a.status() == AlertStatus.FIRING) {
                got.add(new LabelsAndAnnotations(a.labels(), a.annotations()));
              }
            }
          }
        }
      }
      List<LabelsAndAnnotations> exp = new ArrayList<>();
      for (ExpectedAlert e : t.expected()) {
        exp.add(new LabelsAndAnnotations(e.labels().toBuilder().put("alertname", t.alertname()).build(),
            e.annotations()));
      }
      got.sort(LabelsAndAnnotations.ORDER);
      exp.sort(LabelsAndAnnotations.ORDER);
      if (exp.equals(t.subsetAnnotations() ? LabelsAndAnnotations.projectOnto(got, exp) : got)) {
        return null;
      }
      String indent = "            ";
      if (options.diff()) {
        // promtool compares one placeholder alert against the other side when a side is empty.
        String d = JsonDiff.diff(LabelsAndAnnotations.toJson(exp), LabelsAndAnnotations.toJson(
            t.subsetAnnotations() ? LabelsAndAnnotations.projectOnto(got, exp) : got));
        return d == null ? null : namePrefix + "    alertname: " + t.alertname() + ", time: "
            + PromDuration.format(t.evalTime()) + ", \n        diff: " + LabelsAndAnnotations.indent(d, indent);
      }
      return namePrefix + "    alertname: " + t.alertname() + ", time: " + PromDuration.format(t.evalTime()) + ", \n"
          + "        exp:" + LabelsAndAnnotations.indent(LabelsAndAnnotations.format(exp), indent) + ", \n"
          + "        got:" + LabelsAndAnnotations.indent(LabelsAndAnnotations.format(got), indent);
    }

    private String checkExpr(ExprTest x, QueryClient engine) {
      String head = "    expr: " + goQuote(x.expr()) + ", time: " + PromDuration.format(x.evalTime());
      List<Sample> got;
      try {
        QueryResult r = engine.instantQuery(x.expr(), tg.start().plus(x.evalTime()));
        if (r instanceof Vector v) {
          got = new ArrayList<>(v.samples());
        } else if (r instanceof Scalar s) {
          got = new ArrayList<>(List.of(new Sample(Labels.EMPTY, s.timestamp(), s.value())));
        } else {
          return head + ", err: rule result is not a vector or scalar";
        }
      } catch (QueryException e) {
        return head + ", err: " + e.getMessage();
      }
      List<Sample> exp = new ArrayList<>();
      for (ExpectedSample s : x.expected()) {
        try {
          exp.add(new Sample(SeriesLabels.parse(s.labels()), 0, s.value()));
        } catch (ExpressionException e) {
          return head + ", err: labels " + goQuote(s.labels()) + ": " + e.errors().get(0).format(e.text());
        }
      }
      Comparator<Sample> byLabels = (a, b) -> a.metric().compareTo(b.metric());
      got.sort(byLabels);
      exp.sort(byLabels);
      if (samplesEqual(exp, got, file.fuzzyCompare())) {
        return null;
      }
      return head + ",\n        exp: " + samples(exp) + "\n        got: " + samples(got);
    }
  }

  private static boolean samplesEqual(List<Sample> exp, List<Sample> got, boolean fuzzy) {
    if (exp.size() != got.size()) {
      return false;
    }
    for (int i = 0; i < exp.size(); i++) {
      Sample e = exp.get(i);
      Sample g = got.get(i);
      if (!e.metric().equals(g.metric())) {
        return false;
      }
      boolean same = e.value() == g.value()
          || (fuzzy && Math.abs(Double.doubleToLongBits(e.value()) - Double.doubleToLongBits(g.value())) <= 1);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String samples(List<Sample> s) {
    if (s.isEmpty()) {
      return "nil";
    }
    StringBuilder sb = new StringBuilder();
    for (Sample x : s) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(x.metric()).append(' ').append(GoFloat.format(x.value(), 'E', -1));
    }
    return sb.toString();
  }

  /** Go's {@code %q} for the expressions promtool prints. */
  static String goQuote(String s) {
    return Labels.quote(s);
  }

  /** An input series with its expanded points, appended to storage lazily as time advances. */
  private static final class PendingSeries {
    private final Labels labels;
    private final long[] times;
    private final double[] values;
    private int next;

    private PendingSeries(Labels labels, long[] times, double[] values) {
      this.labels = labels;
      this.times = times;
      this.values = values;
    }

    static PendingSeries of(InputSeries s, Instant start, Duration interval) {
      Labels labels;
      try {
        labels = SeriesLabels.parse(s.series());
      } catch (ExpressionException e) {
        // promtool parses "series values" as one line, so report the error where it finds it.
        SeriesLabels.parse(s.series() + " " + s.values());
        throw e;
      }
      List<Double> vals = SeriesValues.parse(s.values());
      List<Long> ts = new ArrayList<>();
      List<Double> vs = new ArrayList<>();
      for (int i = 0; i < vals.size(); i++) {
        Double v = vals.get(i);
        if (v == null) {
          continue;
        }
        if (v == SeriesValues.HISTOGRAM) {
          throw new IllegalArgumentException("native histograms are not supported: series " + s.series());
        }
        ts.add(start.toEpochMilli() + i * interval.toMillis());
        vs.add(v);
      }
      return new PendingSeries(labels, ts.stream().mapToLong(Long::longValue).toArray(),
          vs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    void appendUntil(MemoryStorage storage, long t) {
      while (next < times.length && times[next] <= t) {
        storage.append(labels, times[next], values[next]);
        next++;
      }
    }
  }
}
