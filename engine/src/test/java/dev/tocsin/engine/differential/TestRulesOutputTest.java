package dev.tocsin.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser and comparison the differential test relies on, on promtool 2.42's verbatim output. */
class TestRulesOutputTest {
  /** Standard error of promtool 2.42 for two failing files (reference section 4.3, trailing spaces kept). */
  private static final String STDERR = """
        FAILED:
          name: g,
          alertname: InstanceDown, time: 5m,\s
              exp:[],\s
              got:[
                  0:
                    Labels:{alertname="InstanceDown", job="a", severity="page"}
                    Annotations:{summary="Instance a down"},
                  1:
                    Labels:{alertname="InstanceDown", job="b", severity="page"}
                    Annotations:{}
                  ]
          expr: "job:up:sum", time: 4m,
              exp: nil
              got: {__name__="job:up:sum", job="a"} 3.333333333333333E-01, {__name__="job:up:sum", job="b"} +Inf
          expr: "sum(", time: 1m, err: 1:5: parse error: unclosed left parenthesis
        FAILED:
          rule: Dup, time: 4m0s, err: found duplicate series for the match group {} on the right hand-side \
      of the operation: [{__name__="x", a="2"}, {__name__="x", a="1"}];many-to-many matching not allowed: \
      matching labels must be unique on one side
      """;

  @Test
  void splitsFilesAndParsesEveryKindOfBlock() {
    List<String> preamble = new ArrayList<>();
    List<TestRulesOutput.FileReport> files = TestRulesOutput.parse(STDERR, preamble);
    assertThat(preamble).isEmpty();
    assertThat(files).hasSize(2);
    Map<String, Outcome> first = files.get(0).outcomes();
    assertThat(first).containsOnlyKeys("alert g/InstanceDown @ 5m", "expr \"job:up:sum\" @ 4m", "expr \"sum(\" @ 1m");
    assertThat(((Outcome.Alerts) first.get("alert g/InstanceDown @ 5m")).alerts()).containsExactly(
        "Labels:{alertname=\"InstanceDown\", job=\"a\", severity=\"page\"} Annotations:{summary=\"Instance a down\"}",
        "Labels:{alertname=\"InstanceDown\", job=\"b\", severity=\"page\"} Annotations:{}");
    Outcome.Samples samples = (Outcome.Samples) first.get("expr \"job:up:sum\" @ 4m");
    assertThat(samples.samples()).extracting(Outcome.Sample::value).containsExactly(1 / 3.0, Double.POSITIVE_INFINITY);
    assertThat(files.get(0).hasRuleError()).isFalse();
    assertThat(files.get(1).hasRuleError()).isTrue();
  }

  @Test
  void floatsAgreeWithinTheRelativeToleranceAndNanEqualsNan() {
    assertThat(Outcome.Samples.close(0.2401670146137787, 0.24016701461377873)).isTrue();
    assertThat(Outcome.Samples.close(Double.NaN, Double.NaN)).isTrue();
    assertThat(Outcome.Samples.close(1.0, 1.0001)).isFalse();
    assertThat(Outcome.Samples.close(Double.NaN, 0)).isFalse();
    Outcome a = samples("5E+00");
    assertThat(a.agrees(samples("5E+00"))).isTrue();
    assertThat(a.agrees(samples("5.0E+00"))).as("equal values must print alike").isFalse();
    assertThat(a.agrees(new Outcome.Samples(List.of()))).isFalse();
  }

  @Test
  void alertSetsMustMatchExactlyInAnyOrder() {
    Outcome a = new Outcome.Alerts(List.of("Labels:{a=\"1\"} Annotations:{}", "Labels:{a=\"2\"} Annotations:{}"));
    assertThat(a.agrees(new Outcome.Alerts(List.of("Labels:{a=\"2\"} Annotations:{}",
        "Labels:{a=\"1\"} Annotations:{}")))).isTrue();
    assertThat(a.agrees(new Outcome.Alerts(List.of("Labels:{a=\"1\"} Annotations:{}")))).isFalse();
  }

  @Test
  void vectorMatchingErrorsIgnoreWhichDuplicatesArePrinted() {
    String p = "found duplicate series for the match group {} on the right hand-side of the operation: "
        + "[{__name__=\"x\", a=\"3\"}, {__name__=\"x\", a=\"1\"}];many-to-many matching not allowed";
    String t = p.replace("a=\"3\"", "a=\"2\"");
    assertThat(new Outcome.Error(p).agrees(new Outcome.Error(t))).isTrue();
    assertThat(new Outcome.Error(p).agrees(new Outcome.Error(t.replace("right", "left")))).isFalse();
  }

  @Test
  void theGeneratorIsDeterministicAndKeepsEveryInvariant() {
    GeneratedCase a = new CaseGenerator(TestRulesDifferentialIT.SEED).generate(0);
    GeneratedCase b = new CaseGenerator(TestRulesDifferentialIT.SEED).generate(0);
    assertThat(a).isEqualTo(b);
    CaseGenerator g = new CaseGenerator(1);
    for (int i = 0; i < 500; i++) {
      GeneratedCase c = g.generate(i); // throws on a window edge on the sample grid
      assertThat(c.testFile()).contains("  interval: ").doesNotContain("holt_winters").doesNotContain("fuzzy_compare");
    }
  }

  @Test
  void goDurationsPrintLikePrometheus() {
    assertThat(GoDuration.of(0)).isEqualTo("0s");
    assertThat(GoDuration.of(190)).isEqualTo("3m10s");
    assertThat(GoDuration.of(180)).isEqualTo("3m");
    assertThat(GoDuration.of(3900)).isEqualTo("1h5m");
  }

  private static Outcome samples(String printed) {
    return new Outcome.Samples(List.of(new Outcome.Sample("{}", TestRulesOutput.goFloat(printed), printed)));
  }
}
