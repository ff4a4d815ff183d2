package dev.tocsin.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random differential test of {@code tocsin test rules} against real promtool 2.42 (issue 5,
 * acceptance): every case has empty expectations, so both tools fail and print what they got;
 * promtool's {@code got:} lists are the truth, and every firing-alert set, sample and evaluation
 * error must agree. All cases run in one promtool and one Tocsin process.
 */
class TestRulesDifferentialIT {
  /** Fixed, so a failure reproduces; change it only together with a fresh run. */
  static final long SEED = 20261129L;

  /** How many disagreements the failure message spells out in full. */
  private static final int SHOWN = 5;

  @TempDir Path dir;

  /** One check on which the tools differ. */
  record Disagreement(GeneratedCase c, String check, Outcome promtool, Outcome tocsin) {
    String describe() {
      return "case " + c.index() + ", " + check + "\n  promtool 2.42: " + promtool + "\n  tocsin:        " + tocsin
          + "\n" + c.listing();
    }
  }

  @Test
  void tocsinAgreesWithPromtool242OnRandomUnitTests() throws IOException {
    SharedDir.shared();
    Path promtool = SharedDir.peers().resolve("usr/bin/promtool");
    assertThat(promtool).as("promtool 2.42 unpacked by scripts/peers.sh").exists();
    int count = Integer.getInteger("tocsin.differential.cases", 300);
    long start = System.nanoTime();

    CaseGenerator generator = new CaseGenerator(SEED);
    List<GeneratedCase> cases = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GeneratedCase c = generator.generate(i);
      Files.writeString(dir.resolve(c.ruleFileName()), c.ruleFile());
      Files.writeString(dir.resolve(c.testFileName()), c.testFile());
      cases.add(c);
      files.add(c.testFileName());
    }

    List<String> promtoolCmd = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
    promtoolCmd.addAll(files);
    Run p = Run.of(promtoolCmd, dir);
    List<String> tocsinCmd = new ArrayList<>(Run.tocsinCommand());
    tocsinCmd.addAll(List.of("test", "rules"));
    tocsinCmd.addAll(files);
    Run t = Run.of(tocsinCmd, dir);

    List<String> promtoolPreamble = new ArrayList<>();
    List<String> tocsinPreamble = new ArrayList<>();
    List<TestRulesOutput.FileReport> truth = TestRulesOutput.parse(p.stderr(), promtoolPreamble);
    List<TestRulesOutput.FileReport> got = TestRulesOutput.parse(t.stderr(), tocsinPreamble);
    // Every case fails (its vector(<index>) check at least), so the n-th FAILED block is the n-th file.
    assertThat(truth).as("promtool FAILED blocks (stderr starts: %s)", head(p.stderr())).hasSize(count);
    assertThat(got).as("tocsin FAILED blocks (exit %d, stderr starts: %s)", t.exit(), head(t.stderr()))
        .hasSize(count);
    assertThat(tocsinPreamble).as("tocsin lines before the first FAILED").isEqualTo(promtoolPreamble);
    assertThat(t.exit()).isEqualTo(p.exit());
    // Standard output is the blank line after each error and the verdicts; only 2.42's
    // "Unit Testing:" header is gone since 2.55 (reference section 7).
    String promtoolStdout = p.stdout().replaceAll("(?m)^Unit Testing:  .*\n", "");
    assertThat(firstDifference(promtoolStdout, t.stdout())).as("standard output").isNull();

    List<Disagreement> disagreements = new ArrayList<>();
    int evaluations = 0;
    int errorCases = 0;
    for (int i = 0; i < count; i++) {
      GeneratedCase c = cases.get(i);
      Map<String, Outcome> a = truth.get(i).outcomes();
      Map<String, Outcome> b = got.get(i).outcomes();
      if (!truth.get(i).hasRuleError()) {
        assertThat(a.get(sentinel(c))).as("promtool FAILED block %d belongs to case %d", i, i)
            .hasToString("got: {} " + goE(i));
      }
      if (truth.get(i).hasRuleError()) {
        errorCases++;
        evaluations += a.size(); // 2.42 stops the group at the first rule error; count what it printed
      } else {
        evaluations += c.evaluations();
      }
      Set<String> checks = new LinkedHashSet<>(a.keySet());
      checks.addAll(b.keySet());
      for (String check : checks) {
        Outcome x = a.getOrDefault(check, empty(check));
        Outcome y = b.getOrDefault(check, empty(check));
        if (x == null || y == null || !x.agrees(y)) {
          disagreements.add(new Disagreement(c, check, x, y));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("TestRulesDifferentialIT: seed %d, %d cases (%d ending in a rule error), %d evaluations compared, "
        + "%d disagreements, %.1f s%n", SEED, count, errorCases, evaluations, disagreements.size(), seconds);
    StringBuilder report = new StringBuilder();
    disagreements.stream().limit(SHOWN).forEach(d -> report.append("\n").append(d.describe()));
    if (disagreements.size() > SHOWN) {
      report.append("\n… and ").append(disagreements.size() - SHOWN).append(" more in cases ")
          .append(disagreements.stream().map(d -> d.c().index()).distinct().toList());
    }
    assertThat(disagreements).as("disagreements with promtool 2.42:%s", report).isEmpty();
  }

  /** Where two texts first differ, by line, or null when they are equal. */
  static String firstDifference(String expected, String actual) {
    if (expected.equals(actual)) {
      return null;
    }
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    return "line " + (i + 1) + ": promtool " + (i < a.size() ? "'" + a.get(i) + "'" : "<end>") + ", tocsin "
        + (i < b.size() ? "'" + b.get(i) + "'" : "<end>");
  }

  private static String sentinel(GeneratedCase c) {
    return "expr \"vector(" + c.index() + ")\" @ 0s";
  }

  /** A check one tool left out passed for it: no alerts or no samples; a missing error is absent. */
  private static Outcome empty(String check) {
    if (check.startsWith("alert ")) {
      return new Outcome.Alerts(List.of());
    }
    if (check.startsWith("expr ")) {
      return new Outcome.Samples(List.of());
    }
    return null;
  }

  /** Go's %E for a small non-negative integer, as the sentinel prints it. */
  private static String goE(int i) {
    if (i == 0) {
      return "0E+00";
    }
    String digits = Integer.toString(i).replaceFirst("0+$", "");
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return mantissa + "E+" + String.format("%02d", Integer.toString(i).length() - 1);
  }

  private static String head(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
