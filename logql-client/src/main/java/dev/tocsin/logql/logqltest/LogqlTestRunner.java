package dev.tocsin.logql.logqltest;

import dev.tocsin.logql.engine.LogqlEngineOptions;
import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.logql.engine.MemoryLogqlEngine;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.promqltest.ScriptFailure;
import dev.tocsin.promql.promqltest.ScriptResult;
import dev.tocsin.promql.promqltest.ScriptSkip;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Streams;
import dev.tocsin.promql.value.Vector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Loki's logqltest scripts ({@code pkg/logql/internal/logqltest}) against the embedded
 * engine: {@code load} blocks fill a fresh {@link MemoryLogStore}, {@code clear} empties it, and
 * every {@code eval} is one passed or failed check. Scripts are parsed completely before anything
 * runs, so a malformed script fails with {@code file:line: message} and no results.
 */
public final class LogqlTestRunner {
  private static final Pattern EVAL_INSTANT = Pattern.compile("^eval\\s+instant\\s+at\\s+(\\S+)\\s+(.+)$");
  private static final Pattern EVAL_RANGE =
      Pattern.compile("^eval\\s+range\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)\\s+(.+)$");

  private final LogqlEngineOptions options;

  /** A runner with Loki's default engine limits but no series limit, as Loki's test harness. */
  public LogqlTestRunner() {
    this(new LogqlEngineOptions(Duration.ofMinutes(1), 0, 5000, Duration.ofSeconds(30)));
  }

  /** A runner with explicit engine options. */
  public LogqlTestRunner(LogqlEngineOptions options) {
    this.options = options;
  }

  /**
   * Runs a script file.
   *
   * @throws ScriptSyntaxException when the script is malformed
   */
  public ScriptResult run(Path script) throws IOException {
    return run(script.toString(), Files.readString(script, StandardCharsets.UTF_8));
  }

  /**
   * Runs script text; {@code name} is used in messages.
   *
   * @throws ScriptSyntaxException when the script is malformed
   */
  public ScriptResult run(String name, String content) {
    List<Command> commands = parse(name, content);
    MemoryLogStore store = new MemoryLogStore();
    MemoryLogqlEngine engine = new MemoryLogqlEngine(store, options);
    int passed = 0;
    List<ScriptFailure> failures = new ArrayList<>();
    for (Command c : commands) {
      if (c instanceof Clear) {
        store.clear();
      } else if (c instanceof Load l) {
        for (LoadLine.StreamLoad s : l.streams()) {
          store.appendAll(s.stream(), s.entries());
        }
      } else if (c instanceof Eval e) {
        String problem = check(engine, e);
        if (problem == null) {
          passed++;
        } else {
          failures.add(new ScriptFailure(e.line(), e.text(), problem));
        }
      }
    }
    return new ScriptResult(name, passed, failures.size(), 0, failures, List.<ScriptSkip>of());
  }

  /** The last line of a run over several scripts, {@code N passed, N failed, N skipped}, summed over all. */
  public static String totalSummary(List<ScriptResult> results) {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (ScriptResult r : results) {
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
    }
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }

  // ---------------------------------------------------------------------------------------------
  // Script model and parser

  private sealed interface Command permits Clear, Load, Eval {}

  private record Clear() implements Command {}

  private record Load(List<LoadLine.StreamLoad> streams) implements Command {}

  private record Eval(
      int line, String text, boolean range, long start, long end, long step, String query, Expectation expect)
      implements Command {}

  private record ExpectedSeries(Labels labels, List<Double> values) {}

  private record Expectation(
      boolean fail, String failMessage, Pattern failRegex, boolean empty, boolean ordered,
      Double scalar, List<ExpectedSeries> series) {}

  private static boolean indented(String raw) {
    return !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t');
  }

  private static List<Command> parse(String name, String content) {
    String[] lines = content.split("\r?\n", -1);
    List<Command> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String raw = lines[i];
      String line = ScriptText.stripComment(raw).strip();
      int lineNo = i + 1;
      i++;
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.equals("clear")) {
          out.add(new Clear());
        } else if (line.equals("load") || line.startsWith("load ")) {
          List<LoadLine.StreamLoad> streams = new ArrayList<>();
          while (i < lines.length && indented(lines[i])) {
            String body = ScriptText.stripComment(lines[i]).strip();
            int bodyLine = i + 1;
            i++;
            if (body.isEmpty()) {
              continue;
            }
            try {
              streams.add(LoadLine.parseWithSelector(body));
            } catch (ScriptSyntaxException e) {
              throw new ScriptSyntaxException(name, bodyLine, e.getMessage());
            }
          }
          out.add(new Load(streams));
        } else if (line.startsWith("eval ")) {
          List<String> block = new ArrayList<>();
          List<Integer> blockLines = new ArrayList<>();
          while (i < lines.length && indented(lines[i])) {
            String body = ScriptText.stripComment(lines[i]).strip();
            if (!body.isEmpty()) {
              block.add(body);
              blockLines.add(i + 1);
            }
            i++;
          }
          out.add(eval(name, lineNo, line, block, blockLines));
        } else if (line.startsWith("skip ")) {
          continue; // "skip values-comparison on <stack>" concerns Loki's distributed stacks only
        } else {
          throw new ScriptSyntaxException("unknown command: " + line);
        }
      } catch (ScriptSyntaxException e) {
        if (e.getMessage().startsWith(name + ":")) {
          throw e;
        }
        throw new ScriptSyntaxException(name, lineNo, e.getMessage());
      }
    }
    return out;
  }

  private static long time(String s) {
    if (s.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(s) * 1_000_000_000L;
    }
    return ScriptText.durationNanos(s);
  }

  private static Eval eval(String name, int lineNo, String line, List<String> block, List<Integer> blockLines) {
    Matcher mi = EVAL_INSTANT.matcher(line);
    Matcher mr = EVAL_RANGE.matcher(line);
    boolean range;
    long start;
    long end;
    long step;
    String query;
    if (mi.matches()) {
      range = false;
      start = end = time(mi.group(1));
      step = 0;
      query = mi.group(2).strip();
    } else if (mr.matches()) {
      range = true;
      start = time(mr.group(1));
      end = time(mr.group(2));
      step = ScriptText.durationNanos(mr.group(3));
      query = mr.group(4).strip();
      if (step <= 0) {
        throw new ScriptSyntaxException("step must be positive: " + line);
      }
    } else {
      throw new ScriptSyntaxException("invalid eval command: " + line);
    }
    boolean fail = false;
    String failMessage = null;
    Pattern failRegex = null;
    boolean empty = false;
    boolean ordered = false;
    Double scalar = null;
    List<ExpectedSeries> series = new ArrayList<>();
    for (int k = 0; k < block.size(); k++) {
      String b = block.get(k);
      try {
        if (b.startsWith("expect fail")) {
          fail = true;
          String rest = b.substring("expect fail".length()).strip();
          if (rest.startsWith("msg:")) {
            failMessage = rest.substring(4).strip();
          } else if (rest.startsWith("regex:")) {
            failRegex = Pattern.compile(rest.substring(6).strip());
          } else if (!rest.isEmpty()) {
            throw new ScriptSyntaxException("invalid expect fail: " + b);
          }
        } else if (b.equals("expect empty")) {
          empty = true;
        } else if (b.equals("expect ordered")) {
          if (range) {
            throw new ScriptSyntaxException("expect ordered is only valid for instant queries");
          }
          ordered = true;
        } else if (b.startsWith("expect ")) {
          throw new ScriptSyntaxException("unknown expectation: " + b);
        } else if (b.startsWith("skip ")) {
          continue;
        } else if (b.startsWith("{")) {
          int close = ScriptText.braceEnd(b, 0);
          if (close < 0) {
            throw new ScriptSyntaxException("unterminated label set: " + b);
          }
          List<Double> values = ExpectedValues.parse(b.substring(close));
          if (!range && values.size() != 1) {
            throw new ScriptSyntaxException("an instant result needs exactly one value: " + b);
          }
          series.add(new ExpectedSeries(ScriptText.labels(b.substring(0, close)), values));
        } else {
          List<Double> values = ExpectedValues.parse(b);
          if (values.size() != 1 || values.get(0) == null || range) {
            throw new ScriptSyntaxException("invalid expected result: " + b);
          }
          scalar = values.get(0);
        }
      } catch (ScriptSyntaxException e) {
        throw new ScriptSyntaxException(name, blockLines.get(k), e.getMessage());
      }
    }
    int kinds = (fail ? 1 : 0) + (empty ? 1 : 0) + (scalar != null ? 1 : 0) + (series.isEmpty() ? 0 : 1);
    if (kinds != 1) {
      throw new ScriptSyntaxException("an eval must expect exactly one kind of result: " + line);
    }
    return new Eval(
        lineNo, line, range, start, end, step, query,
        new Expectation(fail, failMessage, failRegex, empty, ordered, scalar, series));
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  /** The reason the eval fails, or null when it passes. */
  private static String check(MemoryLogqlEngine engine, Eval e) {
    Expectation x = e.expect();
    QueryResult result;
    try {
      result =
          e.range()
              ? engine.rangeQuery(e.query(), at(e.start()), at(e.end()), Duration.ofNanos(e.step()))
              : engine.instantQuery(e.query(), at(e.start()));
    } catch (QueryException ex) {
      if (!x.fail()) {
        return "unexpected error: " + ex.getMessage();
      }
      String msg = ex.getMessage();
      if (x.failMessage() != null
          && !msg.contains(x.failMessage())
          && !msg.contains(x.failMessage().replace("\\\"", "\""))) {
        return "expected error containing \"" + x.failMessage() + "\", got: " + msg;
      }
      if (x.failRegex() != null && !x.failRegex().matcher(msg).find()) {
        return "expected error matching /" + x.failRegex().pattern() + "/, got: " + msg;
      }
      return null;
    } catch (RuntimeException ex) {
      return "internal error: " + ex;
    }
    if (x.fail()) {
      return "expected an error, got " + describe(result);
    }
    if (result instanceof Streams) {
      return "log queries are not supported by eval; got streams";
    }
    if (x.empty()) {
      boolean isEmpty =
          (result instanceof Vector v && v.samples().isEmpty()) || (result instanceof Matrix m && m.series().isEmpty());
      return isEmpty ? null : "expected an empty result, got " + describe(result);
    }
    if (x.scalar() != null) {
      if (result instanceof Scalar s) {
        return ExpectedValues.almostEqual(s.value(), x.scalar()) ? null : "expected scalar " + x.scalar() + ", got " + s.value();
      }
      return "expected scalar " + x.scalar() + ", got " + describe(result);
    }
    return e.range() ? compareMatrix(e, x, result) : compareVector(x, result);
  }

  private static Instant at(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }

  private static String compareVector(Expectation x, QueryResult result) {
    List<Sample> samples;
    if (result instanceof Vector v) {
      samples = v.samples();
    } else if (result instanceof Scalar s) {
      samples = List.of(new Sample(Labels.EMPTY, s.timestamp(), s.value()));
    } else {
      return "expected a vector, got " + describe(result);
    }
    if (samples.size() != x.series().size()) {
      return "expected " + x.series().size() + " samples, got " + samples.size() + ": " + describe(result);
    }
    if (x.ordered()) {
      for (int i = 0; i < samples.size(); i++) {
        ExpectedSeries want = x.series().get(i);
        Sample got = samples.get(i);
        if (!want.labels().equals(got.metric()) || !ExpectedValues.almostEqual(got.value(), want.values().get(0))) {
          return "at position " + i + " expected " + want.labels() + " " + want.values().get(0) + ", got " + describe(result);
        }
      }
      return null;
    }
    Map<Labels, Double> got = new HashMap<>();
    for (Sample s : samples) {
      got.put(s.metric(), s.value());
    }
    for (ExpectedSeries want : x.series()) {
      Double v = got.get(want.labels());
      if (v == null) {
        return "missing " + want.labels() + "; got " + describe(result);
      }
      if (!ExpectedValues.almostEqual(v, want.values().get(0))) {
        return "for " + want.labels() + " expected " + want.values().get(0) + ", got " + v;
      }
    }
    return null;
  }

  private static String compareMatrix(Eval e, Expectation x, QueryResult result) {
    if (!(result instanceof Matrix m)) {
      return "expected a matrix, got " + describe(result);
    }
    Map<Labels, Series> got = new HashMap<>();
    for (Series s : m.series()) {
      got.put(s.metric(), s);
    }
    int steps = (int) ((e.end() - e.start()) / e.step()) + 1;
    for (ExpectedSeries want : x.series()) {
      Series s = got.remove(want.labels());
      Map<Long, Double> points = new HashMap<>();
      if (s != null) {
        for (int i = 0; i < s.size(); i++) {
          points.put(s.timestamp(i), s.value(i));
        }
      }
      if (want.values().size() != steps) {
        return "expected " + want.values().size() + " points for " + want.labels() + " but the range has " + steps + " steps";
      }
      for (int i = 0; i < steps; i++) {
        long ms = Math.floorDiv(e.start() + i * e.step(), 1_000_000L);
        Double w = want.values().get(i);
        Double g = points.get(ms);
        if (w == null && g == null) {
          continue;
        }
        if (w == null || g == null || !ExpectedValues.almostEqual(g, w)) {
          return "for " + want.labels() + " at step " + i + " (" + ms / 1000.0 + "s) expected " + (w == null ? "_" : w)
              + ", got " + (g == null ? "_" : g) + "; result " + describe(result);
        }
      }
    }
    if (!got.isEmpty()) {
      return "unexpected series " + got.keySet() + "; result " + describe(result);
    }
    return null;
  }

  private static String describe(QueryResult r) {
    if (r instanceof Vector v) {
      StringBuilder b = new StringBuilder("vector[");
      for (Sample s : v.samples()) {
        b.append(s.metric()).append(' ').append(s.value()).append("; ");
      }
      return b.append(']').toString();
    }
    if (r instanceof Matrix m) {
      StringBuilder b = new StringBuilder("matrix[");
      for (Series s : m.series()) {
        b.append(s.metric()).append(' ');
        for (int i = 0; i < s.size(); i++) {
          b.append(s.timestamp(i) / 1000.0).append('=').append(s.value(i)).append(' ');
        }
        b.append("; ");
      }
      return b.append(']').toString();
    }
    if (r instanceof Scalar s) {
      return "scalar " + s.value();
    }
    return r.getClass().getSimpleName();
  }
}
