package dev.tocsin.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryPromqlEngineTest {
  private final MemoryStorage storage = new MemoryStorage();
  private final MemoryPromqlEngine engine = new MemoryPromqlEngine(storage, EngineOptions.DEFAULT);

  private static Labels series(String... nameValues) {
    return Labels.of(nameValues);
  }

  private List<Sample> instant(String expr, long millis) {
    QueryResult r = engine.instantQuery(expr, Instant.ofEpochMilli(millis));
    assertThat(r).isInstanceOf(Vector.class);
    return ((Vector) r).samples();
  }

  private double single(String expr, long millis) {
    List<Sample> v = instant(expr, millis);
    assertThat(v).hasSize(1);
    return v.get(0).value();
  }

  @Test
  void lookbackWindowIsLeftOpen() {
    storage.append(series("__name__", "up"), 0, 1);
    assertThat(instant("up", 299_999)).hasSize(1);
    // A sample exactly five minutes old is outside (t-5m, t], as in Prometheus 3.x.
    assertThat(instant("up", 300_000)).isEmpty();
  }

  @Test
  void rangeWindowExcludesSampleOnItsLeftEdge() {
    Labels x = series("__name__", "x");
    for (long t = 0; t <= 60_000; t += 30_000) {
      storage.append(x, t, 1);
    }
    assertThat(single("count_over_time(x[1m])", 60_000)).isEqualTo(2);
    assertThat(single("count_over_time(x[1m])", 60_001)).isEqualTo(2);
    assertThat(single("count_over_time(x[61s])", 60_000)).isEqualTo(3);
  }

  @Test
  void staleMarkerHidesTheLastValueAtOnce() {
    Labels x = series("__name__", "x");
    storage.append(x, 0, 5);
    storage.append(x, 10_000, StaleNaN.VALUE);
    storage.append(x, 20_000, 7);
    assertThat(single("x", 5_000)).isEqualTo(5);
    assertThat(instant("x", 15_000)).isEmpty();
    assertThat(single("x", 20_000)).isEqualTo(7);
    // Range vectors skip the marker rather than returning it.
    assertThat(single("count_over_time(x[1m])", 30_000)).isEqualTo(2);
  }

  @Test
  void rateExtrapolatesToTheWindowEdges() {
    Labels c = series("__name__", "c_total");
    for (long t = 0; t <= 60_000; t += 15_000) {
      storage.append(c, t, t / 1000.0);
    }
    // Samples 15s..60s in (0, 60s]: 45 over 45s, extrapolated 15s to the left edge.
    assertThat(single("rate(c_total[1m])", 60_000)).isCloseTo(1.0, within(1e-12));
    assertThat(single("increase(c_total[1m])", 60_000)).isCloseTo(60.0, within(1e-12));
  }

  @Test
  void increaseIsNotExtrapolatedBelowZeroForANewCounter() {
    Labels c = series("__name__", "c_total");
    storage.append(c, 30_000, 2);
    storage.append(c, 45_000, 17);
    storage.append(c, 60_000, 32);
    // The start is extrapolated only to where the counter would have been 0 (2s), not 7.5s.
    assertThat(single("increase(c_total[1m])", 60_000)).isCloseTo(32.0, within(1e-9));
  }

  @Test
  void rateCorrectsForCounterResets() {
    Labels c = series("__name__", "c_total");
    storage.append(c, 15_000, 10);
    storage.append(c, 30_000, 20);
    storage.append(c, 45_000, 5);
    storage.append(c, 60_000, 15);
    // Increase 10 + (reset: 5) + 10 = 25 over 45s, extrapolated by 15s to the left edge.
    assertThat(single("increase(c_total[1m])", 60_000)).isCloseTo(25.0 * 60 / 45, within(1e-9));
  }

  @Test
  void rateOnAMetricNotNamedLikeACounterGivesAnInfoAnnotation() {
    Labels g = series("__name__", "temperature");
    storage.append(g, 10_000, 1);
    storage.append(g, 40_000, 2);
    QueryOutcome o = engine.evaluateInstant("rate(temperature[1m])", 60_000);
    assertThat(o.infos())
        .containsExactly(
            "PromQL info: metric might not be a counter, name does not end in"
                + " _total/_sum/_count/_bucket: \"temperature\" (1:6)");
  }

  @Test
  void oneToOneMatchingWithSeveralMatchesOnTheLeftFails() {
    storage.append(series("__name__", "a", "job", "x", "i", "1"), 0, 1);
    storage.append(series("__name__", "a", "job", "x", "i", "2"), 0, 2);
    storage.append(series("__name__", "b", "job", "x"), 0, 10);
    assertThatThrownBy(() -> instant("a * on (job) b", 0))
        .isInstanceOf(QueryException.class)
        .hasMessage("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
  }

  @Test
  void groupLeftWithDuplicatesOnTheOneSideFails() {
    storage.append(series("__name__", "a", "job", "x"), 0, 1);
    storage.append(series("__name__", "b", "job", "x", "v", "1"), 0, 10);
    storage.append(series("__name__", "b", "job", "x", "v", "2"), 0, 20);
    assertThatThrownBy(() -> instant("a * on (job) group_left b", 0))
        .isInstanceOf(QueryException.class)
        .hasMessage(
            "found duplicate series for the match group {job=\"x\"} on the right hand-side of the operation:"
                + " [{__name__=\"b\", job=\"x\", v=\"1\"}, {__name__=\"b\", job=\"x\", v=\"2\"}];many-to-many"
                + " matching not allowed: matching labels must be unique on one side");
  }

  @Test
  void groupLeftCopiesTheIncludedLabelsFromTheOneSide() {
    storage.append(series("__name__", "requests", "job", "x", "path", "/a"), 0, 3);
    storage.append(series("__name__", "requests", "job", "x", "path", "/b"), 0, 5);
    storage.append(series("__name__", "info", "job", "x", "version", "1.2"), 0, 1);
    List<Sample> out = instant("requests * on (job) group_left (version) info", 0);
    assertThat(out)
        .extracting(Sample::metric)
        .containsExactlyInAnyOrder(
            series("job", "x", "path", "/a", "version", "1.2"), series("job", "x", "path", "/b", "version", "1.2"));
  }

  @Test
  void comparisonFiltersAndBoolReturnsZeroOrOne() {
    storage.append(series("__name__", "x", "i", "1"), 0, 1);
    storage.append(series("__name__", "x", "i", "2"), 0, 5);
    assertThat(instant("x > 2", 0)).extracting(Sample::metric).containsExactly(series("__name__", "x", "i", "2"));
    assertThat(instant("x > bool 2", 0)).extracting(Sample::value).containsExactly(0.0, 1.0);
    assertThat(instant("x > bool 2", 0)).extracting(Sample::metric).containsExactly(series("i", "1"), series("i", "2"));
  }

  @Test
  void subqueryStepsAlignToMultiplesOfTheStep() {
    Labels x = series("__name__", "x");
    for (long t = 0; t <= 120_000; t += 10_000) {
      storage.append(x, t, t / 1000.0);
    }
    // Steps of 20s in (35s, 95s]: 40, 60, 80 — not 55, 75, 95.
    assertThat(single("count_over_time(x[1m:20s])", 95_000)).isEqualTo(3);
    assertThat(single("min_over_time(x[1m:20s])", 95_000)).isEqualTo(40);
  }

  @Test
  void subqueryWithoutStepUsesTheEvaluationInterval() {
    Labels x = series("__name__", "x");
    for (long t = 0; t <= 600_000; t += 10_000) {
      storage.append(x, t, 1);
    }
    MemoryPromqlEngine every30s =
        new MemoryPromqlEngine(storage, EngineOptions.DEFAULT.withEvaluationInterval(Duration.ofSeconds(30)));
    QueryResult r = every30s.instantQuery("count_over_time(x[5m:])", Instant.ofEpochMilli(600_000));
    assertThat(((Vector) r).samples().get(0).value()).isEqualTo(10);
  }

  @Test
  void offsetAndAtModifiersMoveTheReferenceTime() {
    Labels x = series("__name__", "x");
    for (long t = 0; t <= 600_000; t += 60_000) {
      storage.append(x, t, t / 60_000.0);
    }
    assertThat(single("x offset 2m", 600_000)).isEqualTo(8);
    assertThat(single("x @ 180", 600_000)).isEqualTo(3);
    assertThat(single("x @ 180 offset 1m", 0)).isEqualTo(2);
    QueryResult r = engine.rangeQuery("x @ end()", Instant.ofEpochMilli(0), Instant.ofEpochMilli(240_000), Duration.ofMinutes(2));
    Series s = ((Matrix) r).series().get(0);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.value(0)).isEqualTo(4);
  }

  @Test
  void rangeQueryDropsTheNameOfComputedSeriesAndSortsByLabels() {
    storage.append(series("__name__", "x", "i", "b"), 0, 2);
    storage.append(series("__name__", "x", "i", "a"), 0, 1);
    Matrix m = (Matrix) engine.rangeQuery("x * 2", Instant.EPOCH, Instant.ofEpochMilli(60_000), Duration.ofSeconds(30));
    assertThat(m.series()).extracting(Series::metric).containsExactly(series("i", "a"), series("i", "b"));
    assertThat(m.series().get(0).size()).isEqualTo(3);
  }

  @Test
  void delayedNameRemovalAllowsSeriesThatDifferOnlyInNameUntilTheEnd() {
    storage.append(series("__name__", "a_total", "job", "x"), 0, 1);
    storage.append(series("__name__", "a_total", "job", "x"), 60_000, 61);
    storage.append(series("__name__", "b_total", "job", "x"), 0, 1);
    storage.append(series("__name__", "b_total", "job", "x"), 60_000, 121);
    String expr = "label_replace(rate({__name__=~\"a_total|b_total\"}[2m]), \"metric\", \"$1\", \"__name__\", \"(.*)\")";
    assertThatThrownBy(() -> instant(expr, 60_000))
        .isInstanceOf(QueryException.class)
        .hasMessage("vector cannot contain metrics with the same labelset");
    MemoryPromqlEngine delayed = new MemoryPromqlEngine(storage, EngineOptions.TEST_SCRIPTS);
    Vector v = (Vector) delayed.instantQuery(expr, Instant.ofEpochMilli(60_000));
    assertThat(v.samples())
        .extracting(Sample::metric)
        .containsExactlyInAnyOrder(series("job", "x", "metric", "a_total"), series("job", "x", "metric", "b_total"));
  }

  @Test
  void sumAndAvgUseCompensatedSummation() {
    storage.append(series("__name__", "x", "i", "1"), 0, 1e100);
    storage.append(series("__name__", "x", "i", "2"), 0, 1);
    storage.append(series("__name__", "x", "i", "3"), 0, -1e100);
    assertThat(single("sum(x)", 0)).isEqualTo(1.0);
  }

  @Test
  void scalarOfAScalarExpressionIsAScalarResult() {
    QueryResult r = engine.instantQuery("1 + 2 * 3", Instant.ofEpochSecond(10));
    assertThat(r).isEqualTo(new Scalar(10_000, 7));
  }

  @Test
  void malformedExpressionGivesThePositionedParseError() {
    assertThatThrownBy(() -> engine.instantQuery("sum(x", Instant.EPOCH))
        .isInstanceOf(QueryException.class)
        .hasMessageStartingWith("1:")
        .hasMessageContaining("parse error")
        .satisfies(e -> assertThat(((QueryException) e).type()).isEqualTo(QueryException.ErrorType.BAD_DATA));
  }

  @Test
  void experimentalFunctionsNeedTheFeatureFlag() {
    storage.append(series("__name__", "x"), 0, 1);
    assertThatThrownBy(() -> engine.instantQuery("sort_by_label(x, \"a\")", Instant.EPOCH))
        .isInstanceOf(QueryException.class);
    MemoryPromqlEngine experimental = new MemoryPromqlEngine(storage, EngineOptions.TEST_SCRIPTS);
    assertThat(((Vector) experimental.instantQuery("sort_by_label(x, \"a\")", Instant.EPOCH)).samples()).hasSize(1);
  }

  @Test
  void hugeSubqueryFailsWithTheSampleLimitInsteadOfRunningOutOfMemory() {
    storage.append(series("__name__", "x"), 0, 1);
    MemoryPromqlEngine limited = new MemoryPromqlEngine(storage, EngineOptions.DEFAULT.withMaxSamples(1_000_000));
    assertThatThrownBy(() -> limited.instantQuery("max_over_time(x[1y:1ms])", Instant.ofEpochSecond(1_000_000)))
        .isInstanceOf(QueryException.class)
        .hasMessage("query processing would load too many samples into memory in query execution");
  }

  @Test
  void queryOverTheTimeoutEndsWithATimeoutError() {
    for (int i = 0; i < 2_000; i++) {
      storage.append(series("__name__", "x", "i", Integer.toString(i)), 0, i);
    }
    MemoryPromqlEngine hasty = new MemoryPromqlEngine(storage, EngineOptions.DEFAULT.withTimeout(Duration.ofNanos(1)));
    assertThatThrownBy(() -> hasty.rangeQuery("sum(x)", Instant.EPOCH, Instant.ofEpochSecond(3_000), Duration.ofSeconds(1)))
        .isInstanceOf(QueryException.class)
        .satisfies(e -> assertThat(((QueryException) e).type()).isEqualTo(QueryException.ErrorType.TIMEOUT));
  }

  @Test
  void readingANativeHistogramSampleIsRejectedWithAClearMessage() {
    storage.append(series("__name__", "h"), 0, 1);
    storage.appendNativeHistogram(series("__name__", "h"), 10_000);
    assertThat(single("h", 5_000)).isEqualTo(1);
    assertThatThrownBy(() -> instant("h", 10_000))
        .isInstanceOf(QueryException.class)
        .hasMessageStartingWith(MemoryPromqlEngine.NATIVE_HISTOGRAMS_UNSUPPORTED);
  }

  @Test
  void regexMatchersAreFullyAnchored() {
    storage.append(series("__name__", "x", "job", "api"), 0, 1);
    storage.append(series("__name__", "x", "job", "api-2"), 0, 2);
    assertThat(instant("x{job=~\"api\"}", 0)).hasSize(1);
    assertThat(instant("x{job!~\"api\"}", 0)).extracting(Sample::value).containsExactly(2.0);
  }

  @Test
  void countValuesCountsSamplesPerValueAndGroup() {
    storage.append(series("__name__", "version", "job", "a", "i", "1"), 0, 6);
    storage.append(series("__name__", "version", "job", "a", "i", "2"), 0, 6);
    storage.append(series("__name__", "version", "job", "b", "i", "1"), 0, 7.5);
    assertThat(instant("count_values(\"v\", version)", 0))
        .extracting(Sample::metric, Sample::value)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(series("v", "6"), 2.0),
            org.assertj.core.groups.Tuple.tuple(series("v", "7.5"), 1.0));
    assertThat(instant("count_values without (i) (\"v\", version)", 0))
        .extracting(Sample::metric)
        .containsExactlyInAnyOrder(series("job", "a", "v", "6"), series("job", "b", "v", "7.5"));
    assertThatThrownBy(() -> instant("count_values(\"a\\xc5z\", version)", 0))
        .isInstanceOf(QueryException.class)
        .hasMessage("invalid label name \"a\\xc5z\"");
  }

  @Test
  void quantileOutsideZeroToOneWarnsAndGivesInfinity() {
    storage.append(series("__name__", "x", "i", "1"), 0, 1);
    storage.append(series("__name__", "x", "i", "2"), 0, 3);
    assertThat(single("quantile(0.5, x)", 0)).isEqualTo(2);
    QueryOutcome o = engine.evaluateInstant("quantile(1.5, x)", 0);
    assertThat(((Vector) o.result()).samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(o.warnings()).containsExactly("PromQL warning: quantile value should be between 0 and 1, got 1.5 (1:10)");
  }

  @Test
  void histogramQuantileInterpolatesWithinClassicBuckets() {
    String[] les = {"0.1", "0.5", "1", "+Inf"};
    double[] counts = {10, 50, 90, 100};
    for (int i = 0; i < les.length; i++) {
      storage.append(series("__name__", "d_bucket", "le", les[i]), 0, counts[i]);
    }
    // Rank 50 of 100 is the top of the (0.1, 0.5] bucket.
    assertThat(single("histogram_quantile(0.5, d_bucket)", 0)).isCloseTo(0.5, within(1e-12));
    // Rank 70 is half way through (0.5, 1].
    assertThat(single("histogram_quantile(0.7, d_bucket)", 0)).isCloseTo(0.75, within(1e-12));
    // Above the last finite bound, the answer is that bound.
    assertThat(single("histogram_quantile(0.99, d_bucket)", 0)).isEqualTo(1.0);
    assertThat(single("histogram_fraction(0, 0.5, d_bucket)", 0)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void timestampGivesTheSampleTimeNotTheEvaluationTime() {
    storage.append(series("__name__", "x"), 10_000, 1);
    assertThat(single("timestamp(x)", 100_000)).isEqualTo(10);
    assertThat(single("timestamp(x @ 50)", 100_000)).isEqualTo(10);
    // Of anything but a selector, the evaluation time.
    assertThat(single("timestamp(x * 1)", 100_000)).isEqualTo(100);
  }

  @Test
  void subqueryWindowIsLeftOpenAndCanBePinnedWithAt() {
    Labels x = series("__name__", "x");
    for (long t = 0; t <= 600_000; t += 10_000) {
      storage.append(x, t, t / 10_000.0);
    }
    // Steps at 30s and 60s; the step at 0s lies on the open left edge.
    assertThat(single("count_over_time(x[1m:30s])", 60_000)).isEqualTo(2);
    // Pinned to 300s, the same at any evaluation time: values 28, 29, 30.
    assertThat(single("sum_over_time(x[30s:10s] @ 300)", 0)).isEqualTo(87);
    assertThat(single("sum_over_time(x[30s:10s] @ 300)", 600_000)).isEqualTo(87);
  }
}
