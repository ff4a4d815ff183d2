package dev.tocsin.bench;

import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.logql.engine.MemoryLogqlEngine;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Vector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 6's LogQL pipelines over one million 150-byte lines: each operation is one instant query
 * whose range covers every line, so the score (ops/s with one op per line) is lines per second on
 * one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(LogqlPipelineBenchmark.LINES)
// One operation is a whole query; the scan loop needs a dozen of them before C2 has compiled it fully.
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class LogqlPipelineBenchmark {
  static final int LINES = 1_000_000;
  static final String LINE_FILTER = "sum(count_over_time({app=\"shop\"} |= \"order_submit\" [1h]))";
  static final String JSON_FILTER = "sum(count_over_time({app=\"shop\"} | json | event=\"order_submit\" [1h]))";
  static final String LOGFMT_UNWRAP = "quantile_over_time(0.99, {app=\"shop\"} | logfmt | unwrap latency_ms [1h]) by (app)";

  /** A million JSON lines. */
  @State(Scope.Benchmark)
  public static class JsonStore {
    MemoryLogqlEngine engine;

    @Setup(Level.Trial)
    public void load() {
      MemoryLogStore store = LogLines.load(LogLines.Format.JSON, LINES);
      engine = new MemoryLogqlEngine(store);
      // Fail the run rather than time a query that answers something else.
      expectValue(engine.instantQuery(LINE_FILTER, LogLines.END), LINES / 5);
      expectValue(engine.instantQuery(JSON_FILTER, LogLines.END), LINES / 5);
    }
  }

  /** A million logfmt lines. */
  @State(Scope.Benchmark)
  public static class LogfmtStore {
    MemoryLogqlEngine engine;

    @Setup(Level.Trial)
    public void load() {
      engine = new MemoryLogqlEngine(LogLines.load(LogLines.Format.LOGFMT, LINES));
      Vector v = (Vector) engine.instantQuery(LOGFMT_UNWRAP, LogLines.END);
      if (v.samples().size() != 1 || v.samples().get(0).value() < 1900) {
        throw new IllegalStateException("unexpected quantile result: " + v);
      }
    }
  }

  private static void expectValue(QueryResult r, double expected) {
    Vector v = (Vector) r;
    if (v.samples().size() != 1 || v.samples().get(0).value() != expected) {
      throw new IllegalStateException("expected " + expected + ", got " + v);
    }
  }

  @Benchmark
  public QueryResult lineFilter(JsonStore s) {
    return s.engine.instantQuery(LINE_FILTER, LogLines.END);
  }

  @Benchmark
  public QueryResult jsonLabelFilter(JsonStore s) {
    return s.engine.instantQuery(JSON_FILTER, LogLines.END);
  }

  @Benchmark
  public QueryResult logfmtUnwrapQuantile(LogfmtStore s) {
    return s.engine.instantQuery(LOGFMT_UNWRAP, LogLines.END);
  }
}
