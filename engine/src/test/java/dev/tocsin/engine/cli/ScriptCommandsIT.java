package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tocsin test promql} and {@code tocsin test logql} on the upstream conformance scripts. */
class ScriptCommandsIT {
  @TempDir Path dir;

  private static String[] args(String sub, Path folder, String ext) throws IOException {
    List<String> a = new ArrayList<>(List.of("test", sub));
    try (Stream<Path> s = Files.list(folder)) {
      s.filter(p -> p.toString().endsWith(ext)).sorted().forEach(p -> a.add(p.toString()));
    }
    return a.toArray(new String[0]);
  }

  @Test
  void prometheusScriptsAllPass() throws IOException {
    ProcessResult r = Processes.tocsin(null, args("promql", SharedDir.shared("conformance/promqltest"), ".test"));
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).containsPattern("(?m)^total: [0-9]+ passed, 0 failed, [0-9]+ skipped$");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void lokiScriptsAllPass() throws IOException {
    ProcessResult r = Processes.tocsin(null, args("logql", SharedDir.shared("conformance/logqltest"), ".logqltest"));
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).endsWith("total: 1019 passed, 0 failed, 0 skipped\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void orderSubmitPitfallScriptPasses() {
    ProcessResult r = Processes.tocsin(null, "test", "logql", "../examples/p1b_order_submit.logqltest");
    assertThat(r.stdout()).contains("5 passed, 0 failed, 0 skipped");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void failuresAndMalformedScriptsExitOneWithFileAndLine() throws IOException {
    Path wrong = Processes.write(dir, "wrong.logqltest",
        "load\n  {a=\"b\"} \"x\" @ 10s\n\neval instant at 1m count_over_time({a=\"b\"}[1m])\n  {a=\"b\"} 2\n");
    Path malformed = Processes.write(dir, "bad.logqltest", "load\n  {a=\"b\"} \"x\" @ zz\n");
    Path wrongPromql = Processes.write(dir, "wrong.test", "load 1m\n  up 1\n\neval instant at 0m up\n  up 2\n");
    ProcessResult r = Processes.tocsin(null, "test", "logql", wrong.toString(), malformed.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains(wrong + ":4: FAILED").contains(malformed + ":2: invalid duration \"zz\"")
        .doesNotContain("Exception");
    assertThat(r.stdout()).endsWith("total: 0 passed, 1 failed, 0 skipped\n");
    ProcessResult p = Processes.tocsin(null, "test", "promql", wrongPromql.toString());
    assertThat(p.exitCode()).isEqualTo(1);
    assertThat(p.stderr()).contains(wrongPromql + ":4: FAILED");
  }
}
