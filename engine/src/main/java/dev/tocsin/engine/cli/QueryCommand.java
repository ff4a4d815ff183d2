package dev.tocsin.engine.cli;

import dev.tocsin.engine.unittest.SeriesFile;
import dev.tocsin.engine.unittest.StreamFile;
import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.logql.engine.MemoryLogqlEngine;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.promql.value.LogStream;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.logql.http.LokiHttpClient;
import dev.tocsin.promql.http.HttpQueryClient;
import dev.tocsin.promql.http.PrometheusHttpClient;
import dev.tocsin.promql.http.QueryResponse;
import dev.tocsin.promql.parser.ParserOptions;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.validate.QueryRouter;
import dev.tocsin.promql.value.Streams;
import dev.tocsin.model.Labels;
import dev.tocsin.model.LabelNames;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tocsin query --series FILE EXPR} evaluates PromQL against a series file in promtool's
 * expanding notation, {@code --streams FILE} LogQL against a stream file, and {@code --url URL}
 * sends the expression to a Prometheus-compatible server or Loki (chosen by the expression's
 * language, as rule files choose); results print as {@code promtool query} prints them.
 */
@Command(name = "query",
    description = "Evaluate PromQL against a series file or a Prometheus-compatible server, LogQL against a stream file or Loki.",
    mixinStandardHelpOptions = true)
final class QueryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where the data comes from: exactly one of a series file (PromQL) or a stream file (LogQL). */
  static final class Source {
    @Option(names = "--series", required = true, description = "Series file (interval, input_series, optional start); the expression is PromQL.")
    Path series;

    @Option(names = "--streams", required = true, description = "Stream file (input_streams, optional start); the expression is LogQL.")
    Path streams;

    @Option(names = "--url", required = true, paramLabel = "URL",
        description = "Base URL of Prometheus, Thanos, Mimir, VictoriaMetrics (PromQL) or Loki (LogQL).")
    String url;
  }

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--time", description = "Evaluation time: RFC 3339, Unix seconds, or a duration after the series start (e.g. 5m); with --url, `now` or a duration before now. Default: the file's start, or now with --url.")
  String time;

  @Option(names = "--range", arity = "3", paramLabel = "FROM TO STEP", hideParamSyntax = true,
      description = "Range query from FROM to TO every STEP (times as for --time, STEP a duration).")
  List<String> range;

  @Option(names = "--json", description = "Print the result as the Prometheus (or Loki) query API's JSON response.")
  boolean json;

  @Option(names = "--enable-feature", split = ",", description = "Enable features, e.g. promql-experimental-functions.")
  List<String> features = List.of();

  @Option(names = "--tenant", paramLabel = "ID", description = "With --url: tenant sent as X-Scope-OrgID (Mimir, Cortex, Loki).")
  String tenant;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1m",
      description = "With --url: bound on the whole request (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "With --url: the language, prometheus (promql) or loki (logql), instead of deciding by the expression.")
  String type;

  @Parameters(index = "0", paramLabel = "EXPR", description = "The PromQL or LogQL expression.")
  String expr;

  @Override
  public Integer call() {
    if (source.url != null) {
      return callUrl(Console.stdout(), Console.stderr());
    }
    PrintStream out = Console.stdout();
    PrintStream err = Console.stderr();
    Path file = source.series != null ? source.series : source.streams;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      err.println("tocsin: error: open " + file + ": no such file or directory");
      return 1;
    } catch (IOException e) {
      err.println("tocsin: error: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    QueryClient engine;
    Instant start;
    try {
      if (source.series != null) {
        SeriesFile.Result read = SeriesFile.read(file.toString(), bytes, Instant.EPOCH);
        if (read.file() == null) {
          read.errors().forEach(err::println);
          return 1;
        }
        MemoryStorage storage = new MemoryStorage();
        read.file().loadInto(storage, file.toString());
        EngineOptions options = EngineOptions.DEFAULT;
        if (features.contains("promql-experimental-functions")) {
          options = new EngineOptions(options.lookbackDelta(), options.evaluationInterval(), true, false,
              options.maxSamples(), options.timeout());
        }
        engine = new MemoryPromqlEngine(storage, options);
        start = read.file().start();
      } else {
        StreamFile.Result read = StreamFile.read(file.toString(), bytes, Instant.EPOCH);
        if (read.file() == null) {
          read.errors().forEach(err::println);
          return 1;
        }
        MemoryLogStore store = new MemoryLogStore();
        read.file().loadInto(store, file.toString());
        engine = new MemoryLogqlEngine(store);
        start = read.file().start();
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
    QueryClient client = engine;
    Instant base = start;
    return run(out, err, () -> range != null
        ? new QueryResponse(client.rangeQuery(expr, at(range.get(0), base, false), at(range.get(1), base, false),
            duration(range.get(2))), List.of(), List.of())
        : new QueryResponse(client.instantQuery(expr, time == null ? base : at(time, base, false)), List.of(), List.of()));
  }

  /** {@code --url}: PromQL to a Prometheus-compatible server, LogQL to Loki, routed as rule expressions are. */
  private int callUrl(PrintStream out, PrintStream err) {
    Instant now = Instant.now();
    Duration callTimeout = duration(timeout);
    QueryLanguage declared = null;
    if (type != null) {
      declared = QueryLanguage.ofGroupType(type);
      if (declared == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "invalid --type \"" + type + "\": want prometheus, promql, loki or logql");
      }
    }
    ParserOptions parser = new ParserOptions(features.contains("promql-experimental-functions"));
    // Text that parses in neither language still goes to the server (it may speak an extension such
    // as MetricsQL); the server's error is the one worth showing.
    QueryLanguage language = new QueryRouter(parser).route(expr, declared).language();
    HttpQueryClient client;
    try {
      client = language == QueryLanguage.LOGQL
          ? LokiHttpClient.builder(source.url).tenant(tenant).timeout(callTimeout).build()
          : PrometheusHttpClient.builder(source.url).tenant(tenant).timeout(callTimeout).build();
    } catch (IllegalArgumentException e) {
      err.println("tocsin: error: " + e.getMessage());
      err.flush();
      return 1;
    }
    return run(out, err, () -> range != null
        ? client.range(expr, at(range.get(0), now, true), at(range.get(1), now, true), duration(range.get(2)))
        : client.instant(expr, time == null ? now : at(time, now, true)));
  }

  private int run(PrintStream out, PrintStream err, java.util.function.Supplier<QueryResponse> query) {
    try {
      QueryResponse r = query.get();
      for (String w : r.warnings()) {
        err.println("warning: " + w);
      }
      err.flush();
      if (json) {
        out.println(ApiJson.success(r.result()));
      } else {
        print(out, r.result());
      }
    } catch (QueryException e) {
      if (json) {
        out.println(ApiJson.error(e));
        out.flush();
      } else {
        err.println("Error executing query: " + e.getMessage());
        err.flush();
      }
      return 1;
    }
    out.flush();
    return 0;
  }

  /**
   * A time on the command line: Unix seconds, RFC 3339, or a duration counted from {@code base} —
   * forward from a file's start, backward from now for a server ({@code --time 5m} = five minutes ago).
   */
  private Instant at(String text, Instant base, boolean beforeBase) {
    try {
      if (beforeBase && text.equals("now")) {
        return base;
      }
      if (text.matches("-?[0-9]+(\\.[0-9]+)?")) {
        return Instant.ofEpochMilli(new BigDecimal(text).movePointRight(3).longValueExact());
      }
      if (Character.isDigit(text.charAt(0)) && !text.contains("-") && !text.contains(":")) {
        Duration d = dev.tocsin.model.PromDuration.parse(text);
        return beforeBase ? base.minus(d) : base.plus(d);
      }
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "invalid time \"" + text + "\": want RFC 3339, Unix seconds or "
          + (beforeBase ? "now or a duration before now" : "a duration after the series start"));
    }
  }

  private Duration duration(String text) {
    try {
      return dev.tocsin.model.PromDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** promtool's text form of query results (Prometheus' model package String methods). */
  static void print(PrintStream out, QueryResult r) {
    if (r instanceof Vector v) {
      for (Sample s : v.samples()) {
        out.println(metric(s.metric()) + " => " + value(s.value()) + " @[" + time(s.timestamp()) + "]");
      }
    } else if (r instanceof Matrix m) {
      for (Series s : m.series()) {
        StringBuilder sb = new StringBuilder(metric(s.metric())).append(" =>");
        for (int i = 0; i < s.size(); i++) {
          sb.append('\n').append(value(s.value(i))).append(" @[").append(time(s.timestamp(i))).append(']');
        }
        out.println(sb);
      }
    } else if (r instanceof Scalar s) {
      out.println("scalar: " + value(s.value()) + " @[" + time(s.timestamp()) + "]");
    } else if (r instanceof StringResult s) {
      out.println(s.value());
    } else if (r instanceof Streams s) {
      for (LogStream stream : s.streams()) {
        out.println(stream.labels());
        for (LogEntry e : stream.entries()) {
          out.println("  " + Instant.ofEpochSecond(0, e.timestampNanos()) + " " + e.line());
        }
      }
    } else {
      out.println(r);
    }
  }

  private static String metric(Labels l) {
    String name = l.metricName();
    if (name != null && LabelNames.isLegacyMetricName(name)) {
      Labels rest = l.withoutMetricName();
      return rest.isEmpty() ? name + "{}" : name + rest;
    }
    return l.toString();
  }

  private static String value(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static String time(long ms) {
    return new BigDecimal(ms).movePointLeft(3).stripTrailingZeros().toPlainString();
  }
}
