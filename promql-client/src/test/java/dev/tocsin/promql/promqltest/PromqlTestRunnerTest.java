package dev.tocsin.promql.promqltest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.promql.engine.StaleNaN;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromqlTestRunnerTest {
  private final PromqlTestRunner runner = new PromqlTestRunner();

  @Test
  void expandsSeriesNotationAsPromtoolDoes() {
    assertThat(SeriesValues.parse("1+2x3")).containsExactly(1.0, 3.0, 5.0, 7.0);
    assertThat(SeriesValues.parse("10-1x2 _x2 5x1")).containsExactly(10.0, 9.0, 8.0, null, null, 5.0, 5.0);
    List<Double> special = SeriesValues.parse("Inf -Inf NaN stale _");
    assertThat(special.subList(0, 2)).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(special.get(2)).isNaN();
    assertThat(StaleNaN.isStale(special.get(3))).isTrue();
    assertThat(special.get(4)).isNull();
  }

  @Test
  void countsNativeHistogramSamplesAsPositions() {
    List<Double> values = SeriesValues.parse("0 {{schema:0 sum:1 count:1}}x2 _ {{sum:1}}+{{sum:2}}x1 3");
    // {{…}}x2 is three samples and {{…}}+{{…}}x1 two, as for floats.
    assertThat(values).hasSize(8);
    assertThat(values.subList(1, 4)).allMatch(v -> v == SeriesValues.HISTOGRAM);
    assertThat(values.get(4)).isNull();
    assertThat(values.subList(5, 7)).allMatch(v -> v == SeriesValues.HISTOGRAM);
    assertThat(values.get(7)).isEqualTo(3.0);
  }

  @Test
  void passingAndFailingEvaluationsAreCountedWithTheLineOfTheFailure() {
    String script = String.join("\n",
        "load 1m",
        "  metric{job=\"a\"} 1+1x5",
        "",
        "eval instant at 2m metric",
        "  metric{job=\"a\"} 3",
        "",
        "# the next one is wrong on purpose",
        "eval instant at 2m metric",
        "  metric{job=\"a\"} 4",
        "");
    ScriptResult r = runner.run("inline.test", script);
    assertThat(r.passed()).isEqualTo(1);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.failures()).extracting(ScriptFailure::line).containsExactly(8);
    assertThat(r.summary()).isEqualTo("1 passed, 1 failed, 0 skipped");
  }

  @Test
  void rangeEvaluationComparesEveryStepAndBlanks() {
    String script = String.join("\n",
        "load 30s",
        "  foo{job=\"1\"} 1+1x4",
        "",
        "eval range from 0 to 2m step 1m foo > 2",
        "  foo{job=\"1\"} _ 3 5",
        "");
    ScriptResult r = runner.run("inline.test", script);
    assertThat(r.failures()).isEmpty();
    assertThat(r.passed()).isEqualTo(1);
  }

  @Test
  void expectedFailuresAndAnnotationsAreChecked() {
    String script = String.join("\n",
        "load 1m",
        "  a{x=\"1\"} 1",
        "  a{x=\"2\"} 1",
        "  b 1",
        "",
        "eval instant at 0 b + on() a",
        "  expect fail msg: found duplicate series for the match group {} on the right hand-side of the operation:"
            + " [{__name__=\"a\", x=\"1\"}, {__name__=\"a\", x=\"2\"}];many-to-many matching not allowed: matching"
            + " labels must be unique on one side",
        "",
        "eval instant at 0 quantile(2, a)",
        "  expect warn msg: PromQL warning: quantile value should be between 0 and 1, got 2 (1:10)",
        "  {} +Inf",
        "",
        "eval instant at 0 sum(a)",
        "  expect no_warn",
        "  2",
        "");
    ScriptResult r = runner.run("inline.test", script);
    assertThat(r.passed()).isEqualTo(2);
    // "sum(a)" gives a vector, not the scalar the bare number expects.
    assertThat(r.failures()).extracting(ScriptFailure::line).containsExactly(13);
  }

  @Test
  void evaluationsReadingNativeHistogramsAreSkippedWithTheReason() {
    String script = String.join("\n",
        "load 1m",
        "  h 1 {{schema:0 sum:1 count:1}}",
        "",
        "eval instant at 0 h",
        "  h 1",
        "",
        "eval instant at 1m h",
        "  h 1",
        "");
    ScriptResult r = runner.run("inline.test", script);
    assertThat(r.passed()).isEqualTo(1);
    assertThat(r.skipped()).isEqualTo(1);
    assertThat(r.skips()).extracting(ScriptSkip::line, ScriptSkip::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(7, "native histograms"));
  }

  @Test
  void parsesBareNumbersAsGoDoes() {
    assertThat(PromqlTestRunner.parseNumber("0x10")).isEqualTo(16.0);
    assertThat(PromqlTestRunner.parseNumber("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(PromqlTestRunner.parseNumber("1.5e3")).isEqualTo(1500.0);
    assertThat(PromqlTestRunner.parseNumber("metric 1")).isNull();
    assertThat(Arrays.asList(PromqlTestRunner.parseNumber("NaN"))).allMatch(d -> d.isNaN());
  }
}
