package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tocsin test rules} against promtool's own unit-test files and against real promtool 2.42. */
class TestRulesIT {
  @TempDir Path dir;

  private static ProcessResult tocsinIn(Path cwd, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", Processes.tocsinJar().toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return Processes.run(cmd, null, cwd);
  }

  /** Verdicts of Prometheus 3.x on its own test data (flags as promtool's tests pass them). */
  static Stream<Arguments> verdicts() {
    return Stream.of(
        Arguments.of("at-modifier-test.yml", List.of(), 0),
        Arguments.of("negative-offset-test.yml", List.of(), 0),
        Arguments.of("long-period.yml", List.of(), 0),
        Arguments.of("no-test-group-interval.yml", List.of(), 0),
        Arguments.of("start-time-test.yml", List.of(), 0),
        Arguments.of("failing.yml", List.of(), 1),
        Arguments.of("bad-input-series.yml", List.of(), 1),
        Arguments.of("bad-promql.yml", List.of(), 1),
        Arguments.of("bad-rules-error-test.yml", List.of(), 1),
        Arguments.of("bad-rules-syntax-test.yml", List.of(), 1),
        Arguments.of("rules_run.yml", List.of(), 1),
        Arguments.of("rules_run.yml", List.of("--run", "correct"), 0),
        Arguments.of("rules_run_fuzzy.yml", List.of(), 1),
        Arguments.of("rules_run_fuzzy.yml", List.of("--run", "correct"), 0),
        Arguments.of("rules_run_no_fuzzy.yml", List.of(), 1),
        Arguments.of("rules_run_extrafields.yml", List.of(), 1),
        Arguments.of("rules_run_extrafields.yml", List.of("--ignore-unknown-fields"), 0));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("verdicts")
  void givesPrometheusVerdicts(String file, List<String> flags, int exit) {
    Path promtoolData = SharedDir.shared("conformance/promtool");
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    args.addAll(flags);
    args.add(file);
    ProcessResult r = tocsinIn(promtoolData, args.toArray(new String[0]));
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(exit);
    assertThat(r.stdout()).startsWith(exit == 0 ? "  SUCCESS\n" : "\n");
    assertThat(r.stderr()).doesNotContain("Exception");
  }

  @Test
  void nativeHistogramsAreReportedAsUnsupported() {
    ProcessResult r = tocsinIn(SharedDir.shared("conformance/promtool"), "test", "rules", "unittest.yml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("native histograms are not supported");
  }

  /** Files on which promtool 2.42 and 3.x agree: the whole output must be promtool's, minus 2.42's header. */
  @ParameterizedTest
  @ValueSource(strings = {"failing.yml", "at-modifier-test.yml", "negative-offset-test.yml", "long-period.yml"})
  void outputMatchesPromtool(String file) {
    Path data = SharedDir.shared("conformance/promtool");
    Path promtool = SharedDir.peers().resolve("usr/bin/promtool");
    ProcessResult p = Processes.run(List.of(promtool.toString(), "test", "rules", file), null, data);
    ProcessResult t = tocsinIn(data, "test", "rules", file);
    String promtoolStdout = p.stdout().replaceFirst("(?m)^Unit Testing:  .*\n", "");
    assertThat(t.stdout()).isEqualTo(promtoolStdout);
    assertThat(t.stderr()).isEqualTo(p.stderr());
    assertThat(t.exitCode()).isEqualTo(p.exitCode());
  }

  @Test
  void referenceAlertsSimulateAllEightPromqlAndLogqlAlerts() {
    ProcessResult r = tocsinIn(Path.of(".."), "test", "rules", "examples/p1b_alerts.test.yml");
    assertThat(r.stdout()).isEqualTo("  SUCCESS\n\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void debugDumpsEverySeriesOfTheGroup() {
    ProcessResult r = tocsinIn(Path.of(".."), "test", "rules", "--debug", "--run", "LokiDown",
        "examples/p1b_alerts.test.yml");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).startsWith("DEBUG: Dump of all data (input_series and rules) at 5m1s:\n")
        .contains("{__name__=\"ALERTS\", alertname=\"LokiDown\", alertstate=\"firing\", instance=\"loki:3100\", "
            + "job=\"loki\", severity=\"critical\", team=\"observability\"} =>\n1 @[180000]\n1 @[240000]\n")
        .contains("{__name__=\"up\", instance=\"loki:3100\", job=\"loki\"} =>\n1 @[60000]\n0 @[120000]");
  }

  @Test
  void logqlExpectationsAreChecked() throws Exception {
    Processes.write(dir, "logs.yml", "groups:\n- name: g\n  rules:\n  - alert: Errors\n"
        + "    expr: sum(count_over_time({app=\"api\"} |= \"ERROR\" [1m])) > 2\n");
    Processes.write(dir, "t.yml", """
        rule_files: [logs.yml]
        tests:
          - interval: 1m
            input_streams:
              - stream: '{app="api"}'
                lines: ['"ERROR boom {{.i}}" @ 10s [repeat every 10s for 3]']
            alert_rule_test:
              - eval_time: 1m
                alertname: Errors
                exp_alerts: []
            logql_expr_test:
              - expr: 'count_over_time({app="api"} |= "ERROR" [1m])'
                eval_time: 1m
                exp_samples:
                  - labels: '{app="api"}'
                    value: 4
        """);
    ProcessResult r = tocsinIn(dir, "test", "rules", "t.yml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("alertname: Errors, time: 1m, \n        exp:[], \n        got:[\n")
        .contains("        exp: {app=\"api\"} 4E+00\n        got: {app=\"api\"} 3E+00");
  }

  @Test
  void badInputGivesClearErrors() throws Exception {
    Processes.write(dir, "rules.yml", "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n");
    Processes.write(dir, "huge.yml", "rule_files: [rules.yml]\nevaluation_interval: 1ms\ntests:\n"
        + "- interval: 1m\n  input_series: [{series: up, values: '0'}]\n"
        + "  alert_rule_test: [{eval_time: 1000h, alertname: A}]\n");
    Processes.write(dir, "nomatch.yml", "rule_files: ['nothing-*.yml']\ntests: []\n");
    Processes.write(dir, "unknown.yml", "rule_files: [rules.yml]\nfoo: 1\ntests: []\n");
    Processes.write(dir, "badvalues.yml", "rule_files: [rules.yml]\ntests:\n"
        + "- input_series: [{series: up, values: '1 abc'}]\n");
    ProcessResult huge = tocsinIn(dir, "test", "rules", "huge.yml");
    assertThat(huge.stderr()).contains("evaluation steps").contains("more than the limit");
    ProcessResult nomatch = tocsinIn(dir, "test", "rules", "nomatch.yml");
    assertThat(nomatch.stderr()).contains("  WARNING: no file match pattern nothing-*.yml");
    assertThat(nomatch.exitCode()).isZero();
    ProcessResult unknown = tocsinIn(dir, "test", "rules", "unknown.yml");
    assertThat(unknown.stderr()).contains("unknown.yml: 2:1: field foo not found in type main.unitTestFile");
    ProcessResult bad = tocsinIn(dir, "test", "rules", "badvalues.yml");
    assertThat(bad.stderr()).contains("abc");
    ProcessResult missing = tocsinIn(dir, "test", "rules", "missing.yml");
    for (ProcessResult r : List.of(huge, unknown, bad, missing)) {
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
