package dev.tocsin.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 4's bad input: huge selections, huge subqueries and regexes that are catastrophic under
 * backtracking end with Prometheus' limit or timeout error, or with the right answer, within the
 * query timeout; never an OutOfMemoryError or a hang.
 */
class QueryBadInputTest {
  private static final int SERIES = 100_000;
  private static final int SAMPLES_PER_SERIES = 10;
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);
  /** How late a query may end after its timeout: the deadline is polled, not interrupted. */
  private static final long GRACE_MILLIS = 2_000;
  private static final String SAMPLE_LIMIT_MESSAGE =
      "query processing would load too many samples into memory in query execution";
  private static final String TIMEOUT_MESSAGE = "query timed out in expression evaluation";

  private static final MemoryStorage WIDE = new MemoryStorage();
  private static final long WIDE_END = (SAMPLES_PER_SERIES - 1) * 30_000L;

  /** 100,000 counters, one sample every 30 s, each rising by its shard number (0–9) per sample. */
  @BeforeAll
  static void loadHundredThousandSeries() {
    for (int i = 0; i < SERIES; i++) {
      Labels l = Labels.of("__name__", "x", "instance", "host-" + i, "shard", Integer.toString(i % 10));
      for (int k = 0; k < SAMPLES_PER_SERIES; k++) {
        WIDE.append(l, k * 30_000L, (double) k * (i % 10));
      }
    }
    WIDE.compact();
  }

  private static MemoryPromqlEngine engine(MemoryStorage storage, long maxSamples) {
    return new MemoryPromqlEngine(storage, EngineOptions.DEFAULT.withMaxSamples(maxSamples).withTimeout(QUERY_TIMEOUT));
  }

  private static List<Sample> instant(MemoryPromqlEngine engine, String expr, long millis) {
    QueryResult r = engine.instantQuery(expr, Instant.ofEpochMilli(millis));
    assertThat(r).isInstanceOf(Vector.class);
    return ((Vector) r).samples();
  }

  // --- 100,000 series -------------------------------------------------------------------------

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void hundredThousandSeriesOverTheSampleLimitFailWithPrometheusMessage() {
    MemoryPromqlEngine engine = engine(WIDE, 50_000);
    assertThatThrownBy(() -> engine.instantQuery("sum(x)", Instant.ofEpochMilli(WIDE_END)))
        .isInstanceOf(QueryException.class)
        .hasMessage(SAMPLE_LIMIT_MESSAGE)
        .extracting(e -> ((QueryException) e).type())
        .isEqualTo(QueryException.ErrorType.EXECUTION);
    // A range selector reads ten samples per series: 1,000,000 against a limit of 50,000.
    assertThatThrownBy(() -> engine.instantQuery("sum(rate(x[5m]))", Instant.ofEpochMilli(WIDE_END)))
        .isInstanceOf(QueryException.class)
        .hasMessage(SAMPLE_LIMIT_MESSAGE);
    assertThatThrownBy(
            () -> engine.rangeQuery("x", Instant.ofEpochMilli(0), Instant.ofEpochMilli(WIDE_END), Duration.ofSeconds(30)))
        .isInstanceOf(QueryException.class)
        .hasMessage(SAMPLE_LIMIT_MESSAGE);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void hundredThousandSeriesWithinTheLimitGiveTheCorrectAnswerInTime() {
    MemoryPromqlEngine engine = engine(WIDE, EngineOptions.DEFAULT.maxSamples());
    long started = System.nanoTime();
    assertThat(instant(engine, "x", WIDE_END)).hasSize(SERIES);
    assertThat(instant(engine, "count(x)", WIDE_END)).singleElement().extracting(Sample::value).isEqualTo((double) SERIES);
    // Each series of shard s ends at 9 * s, and every shard has 10,000 series.
    List<Sample> perShard = instant(engine, "sum by (shard) (x)", WIDE_END);
    assertThat(perShard).hasSize(10);
    for (Sample s : perShard) {
      int shard = Integer.parseInt(s.metric().get("shard"));
      assertThat(s.value()).isEqualTo((double) (SAMPLES_PER_SERIES - 1) * shard * (SERIES / 10));
    }
    assertThat(instant(engine, "count(x{instance=~\"host-9999[0-9]\"})", WIDE_END))
        .singleElement()
        .extracting(Sample::value)
        .isEqualTo(10.0);
    QueryResult range =
        engine.rangeQuery("sum(rate(x[1m]))", Instant.ofEpochMilli(60_000), Instant.ofEpochMilli(WIDE_END), Duration.ofSeconds(30));
    assertThat(((Matrix) range).series()).singleElement().satisfies(s -> assertThat(s.size()).isEqualTo(8));
    assertThat(elapsedMillis(started)).isLessThan(QUERY_TIMEOUT.toMillis() * 5);
  }

  // --- a subquery of 10 million steps ---------------------------------------------------------

  /** One gauge with a sample every minute for 116 days, so every subquery step finds a value. */
  private static MemoryStorage longGauge() {
    MemoryStorage storage = new MemoryStorage();
    Labels l = Labels.of("__name__", "g");
    for (long t = 0; t <= TEN_MILLION_SECONDS_MS + 60_000; t += 60_000) {
      storage.append(l, t, t / 60_000 % 1000);
    }
    storage.compact();
    return storage;
  }

  private static final long TEN_MILLION_SECONDS_MS = 10_000_000_000L;
  private static final String TEN_MILLION_STEPS = "max_over_time(g[10000000s:1s])";

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void subqueryOfTenMillionStepsOverTheSampleLimitFailsAtOnce() {
    MemoryPromqlEngine engine = engine(longGauge(), 1_000_000);
    long started = System.nanoTime();
    assertThatThrownBy(() -> engine.instantQuery(TEN_MILLION_STEPS, Instant.ofEpochMilli(TEN_MILLION_SECONDS_MS)))
        .isInstanceOf(QueryException.class)
        .hasMessage(SAMPLE_LIMIT_MESSAGE);
    assertThat(elapsedMillis(started)).isLessThan(QUERY_TIMEOUT.toMillis());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void subqueryOfTenMillionStepsWithinTheSampleLimitEndsByTheTimeout() {
    MemoryPromqlEngine engine = engine(longGauge(), EngineOptions.DEFAULT.maxSamples());
    long started = System.nanoTime();
    try {
      List<Sample> v = instant(engine, TEN_MILLION_STEPS, TEN_MILLION_SECONDS_MS);
      // Finishing in time is fine too, if the answer is right: the gauge cycles through 0..999.
      assertThat(v).singleElement().extracting(Sample::value).isEqualTo(999.0);
    } catch (QueryException e) {
      assertThat(e.getMessage()).isIn(TIMEOUT_MESSAGE, SAMPLE_LIMIT_MESSAGE);
    }
    assertThat(elapsedMillis(started)).isLessThan(QUERY_TIMEOUT.toMillis() + GRACE_MILLIS);
  }

  // --- regexes that backtrack catastrophically -------------------------------------------------

  /** Label values on which a backtracking engine takes exponential time for {@code (a+)+$}. */
  private static MemoryStorage evilValues() {
    MemoryStorage storage = new MemoryStorage();
    storage.append(Labels.of("__name__", "r", "v", "a".repeat(100_000) + "b"), 0, 1);
    storage.append(Labels.of("__name__", "r", "v", "a".repeat(100_000)), 0, 2);
    storage.append(Labels.of("__name__", "r", "v", "x".repeat(30) + "y"), 0, 3);
    return storage;
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void catastrophicRegexMatchersAnswerCorrectlyInTime() {
    MemoryPromqlEngine engine = engine(evilValues(), EngineOptions.DEFAULT.maxSamples());
    long started = System.nanoTime();
    // Matchers are fully anchored, so only the all-'a' value matches.
    assertThat(instant(engine, "r{v=~\"(a+)+$\"}", 0)).singleElement().extracting(Sample::value).isEqualTo(2.0);
    assertThat(instant(engine, "r{v!~\"(a+)+$\"}", 0)).extracting(Sample::value).containsExactlyInAnyOrder(1.0, 3.0);
    assertThat(instant(engine, "r{v=~\"(a|aa)+b\"}", 0)).singleElement().extracting(Sample::value).isEqualTo(1.0);
    assertThat(instant(engine, "r{v=~\"(x+x+)+z\"}", 0)).isEmpty();
    assertThat(instant(engine, "r{v=~\"(.*a){25}\"}", 0)).singleElement().extracting(Sample::value).isEqualTo(2.0);
    assertThat(elapsedMillis(started)).isLessThan(QUERY_TIMEOUT.toMillis() + GRACE_MILLIS);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void catastrophicRegexInLabelReplaceAnswersCorrectlyInTime() {
    MemoryPromqlEngine engine = engine(evilValues(), EngineOptions.DEFAULT.maxSamples());
    long started = System.nanoTime();
    List<Sample> out = instant(engine, "label_replace(r, \"dst\", \"$1\", \"v\", \"(a+)+$\")", 0);
    assertThat(out).hasSize(3);
    for (Sample s : out) {
      String v = s.metric().get("v");
      boolean allA = v.chars().allMatch(c -> c == 'a');
      // The outer group repeats once: its last iteration is the whole run of 'a's.
      assertThat(s.metric().get("dst")).isEqualTo(allA ? v : null);
    }
    assertThat(elapsedMillis(started)).isLessThan(QUERY_TIMEOUT.toMillis() + GRACE_MILLIS);
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
