package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tocsin check rules} as a user runs it: the built jar, its streams and exit codes. */
class CheckRulesIT {
  @TempDir Path dir;

  private static final String GOOD = """
      groups:
        - name: g
          rules:
            - alert: A
              expr: up == 0
              for: 5m
            - record: job:up:sum
              expr: sum by (job) (up)
      """;

  @Test
  void referenceFilePasses() {
    ProcessResult r = Processes.tocsin(null, "check", "rules", "../examples/p1b_alerts.yml");
    assertThat(r.stdout()).isEqualTo("Checking ../examples/p1b_alerts.yml\n  SUCCESS: 8 rules found\n\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void successGoesToStdoutLikePromtool() throws Exception {
    Path f = Processes.write(dir, "good.yml", GOOD);
    ProcessResult r = Processes.tocsin(null, "check", "rules", f.toString());
    assertThat(r.stdout()).isEqualTo("Checking " + f + "\n  SUCCESS: 2 rules found\n\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void errorsGoToStderrWithPositionsAndExitOne() throws Exception {
    Path bad = Processes.write(dir, "bad.yml", "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: sum(rate(x[5m])\n");
    Path good = Processes.write(dir, "good.yml", GOOD);
    ProcessResult r = Processes.tocsin(null, "check", "rules", bad.toString(), good.toString());
    assertThat(r.stdout()).isEqualTo("Checking " + bad + "\n\nChecking " + good + "\n  SUCCESS: 2 rules found\n\n");
    assertThat(r.stderr()).isEqualTo("  FAILED:\n" + bad
        + ": 5:26: group \"g\", rule 1, \"A\": could not parse expression: 1:16: parse error: unclosed left parenthesis\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void readsStandardInputWhenGivenNoFile() {
    ProcessResult r = Processes.tocsin(GOOD, "check", "rules");
    assertThat(r.stdout()).isEqualTo("Checking standard input\n  SUCCESS: 2 rules found\n\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void missingFileFailsButOthersAreStillChecked() throws Exception {
    Path good = Processes.write(dir, "good.yml", GOOD);
    ProcessResult r = Processes.tocsin(null, "check", "rules", dir.resolve("nope.yml").toString(), good.toString());
    assertThat(r.stderr()).contains("nope.yml: open " + dir.resolve("nope.yml") + ": no such file or directory");
    assertThat(r.stdout()).contains("SUCCESS: 2 rules found");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void duplicateRulesAreLintFindingsExitThreeOnlyWhenFatal() throws Exception {
    Path f = Processes.write(dir, "dup.yml", """
        groups:
        - name: a
          rules:
          - alert: A
            expr: up
            labels: {sev: x, b: y}
          - alert: A
            expr: up == 1
            labels: {sev: x, b: y}
          - record: job:x:sum
            expr: up
          - alert: job:x:sum
            expr: up
        """);
    String lint = "  FAILED:\nlint error 2 duplicate rule(s) found.\nMetric: A\nLabel(s):\n\tb: y\n\tsev: x\n"
        + "Metric: job:x:sum\nLabel(s):\nMight cause inconsistency while recording expressions\n";
    ProcessResult r = Processes.tocsin(null, "check", "rules", f.toString());
    assertThat(r.stdout()).isEqualTo("Checking " + f + "\n\n");
    assertThat(r.stderr()).isEqualTo(lint);
    assertThat(r.exitCode()).isZero();
    assertThat(Processes.tocsin(null, "check", "rules", "--lint-fatal", f.toString()).exitCode()).isEqualTo(3);
    ProcessResult none = Processes.tocsin(null, "check", "rules", "--lint=none", "--lint-fatal", f.toString());
    assertThat(none.stdout()).contains("SUCCESS: 4 rules found");
    assertThat(none.exitCode()).isZero();
  }

  @Test
  void unknownFlagExitsTwo() {
    ProcessResult r = Processes.tocsin(null, "check", "rules", "--bogus", "x.yml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--bogus");
  }

  @Test
  void githubFormatAnnotatesErrors() throws Exception {
    Path bad = Processes.write(dir, "bad.yml", "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up ==\n");
    ProcessResult r = Processes.tocsin(null, "check", "rules", "--format=github", bad.toString());
    assertThat(r.stdout()).startsWith("::error file=" + bad + ",line=5,col=").contains("title=promql/parse::");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void jsonFormatListsDiagnostics() throws Exception {
    Path bad = Processes.write(dir, "bad.yml", "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up ==\n");
    ProcessResult r = Processes.tocsin(null, "check", "rules", "--format=json", bad.toString());
    assertThat(r.stdout()).startsWith("[{\"file\":\"" + bad + "\",\"ok\":false,\"rules\":0,\"diagnostics\":[{\"check\":\"promql/parse\"")
        .contains("\"line\":5");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void badInputNeverPrintsAStackTrace() throws Exception {
    Path deep = Processes.write(dir, "deep.yml", "groups:\n- name: g\n  rules:\n  - record: r\n    expr: "
        + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n");
    Path bomb = Processes.write(dir, "bomb.yml", "groups: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");
    ProcessResult r = Processes.tocsin(null, "check", "rules", deep.toString(), bomb.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.stderr().lines().filter(l -> l.startsWith(deep.toString()))).hasSize(1);
    assertThat(r.stderr().lines().filter(l -> l.startsWith(bomb.toString()))).hasSize(1);
  }
}
