package dev.tocsin.bench;

import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's PromQL engine queries over one day of 15 s samples ({@link PromqlDataSet}); run with
 * {@code -prof gc} for the allocation per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The day of data takes about 2 GB; the heap leaves room for queries and a copying collector.
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class PromqlEngineBenchmark {
  static final String SUM_RATE = "sum by (job) (rate(x[5m]))";
  static final String HISTOGRAM_QUANTILE = "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))";
  static final String REGEX_SELECTOR = "x{instance=~\"host-1[0-9]*:9100\"}";
  static final String GROUP_LEFT = "rate(x[5m]) * on (instance) group_left (node) x_info";

  /** The number of {@code x} series (and of {@code x_bucket} series). */
  @Param({"10000"})
  public int series;

  private MemoryPromqlEngine engine;
  private final Instant end = Instant.ofEpochMilli(PromqlDataSet.END_MS);
  private final Instant start = end.minus(Duration.ofHours(1));
  private final Duration step = Duration.ofSeconds(15);

  @Setup(Level.Trial)
  public void load() {
    MemoryStorage storage = PromqlDataSet.load(series);
    engine = new MemoryPromqlEngine(storage, EngineOptions.DEFAULT);
    // Fail the run rather than time a query that answers something else.
    expectSamples(instantSumRate(), PromqlDataSet.JOBS);
    expectSamples(histogramQuantile(), 1);
    expectSamples(regexSelector(), PromqlDataSet.JOBS * countInstancesStartingWithOne(series / PromqlDataSet.JOBS));
    expectSamples(groupLeftJoin(), series);
    Matrix m = (Matrix) rangeSumRate();
    if (m.series().size() != PromqlDataSet.JOBS || m.series().get(0).size() != 241) {
      throw new IllegalStateException("unexpected range result shape");
    }
  }

  private static void expectSamples(QueryResult r, int n) {
    int got = ((Vector) r).samples().size();
    if (got != n) {
      throw new IllegalStateException("expected " + n + " samples, got " + got);
    }
  }

  private static int countInstancesStartingWithOne(int instances) {
    int n = 0;
    for (int i = 0; i < instances; i++) {
      n += Integer.toString(i).startsWith("1") ? 1 : 0;
    }
    return n;
  }

  @Benchmark
  public QueryResult instantSumRate() {
    return engine.instantQuery(SUM_RATE, end);
  }

  @Benchmark
  public QueryResult rangeSumRate() {
    return engine.rangeQuery(SUM_RATE, start, end, step);
  }

  @Benchmark
  public QueryResult histogramQuantile() {
    return engine.instantQuery(HISTOGRAM_QUANTILE, end);
  }

  @Benchmark
  public QueryResult regexSelector() {
    return engine.instantQuery(REGEX_SELECTOR, end);
  }

  @Benchmark
  public QueryResult groupLeftJoin() {
    return engine.instantQuery(GROUP_LEFT, end);
  }
}
