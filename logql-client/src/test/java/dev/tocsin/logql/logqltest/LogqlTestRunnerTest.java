package dev.tocsin.logql.logqltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.promql.promqltest.ScriptResult;
import org.junit.jupiter.api.Test;

/** The script interpreter: every expectation kind passes when right and fails when wrong, with its line. */
class LogqlTestRunnerTest {
  private static final String SCRIPT =
      """
      # comment
      clear
      load
        {app="a"} "level=info" @ 10s [repeat every 10s for 6]   # six lines
        {app="b"} "level=error" @ 30s [metadata trace="t"]

      eval instant at 60s count_over_time({app="a"}[1m])
        {app="a"} 6
      eval instant at 60s count_over_time({app="a"}[1m])
        {app="a"} 5
      eval range from 30s to 90s step 30s count_over_time({app="a"}[30s])
        {app="a"} 3 3 _
      eval range from 30s to 90s step 30s count_over_time({app="a"}[30s])
        {app="a"} 3x1 1
      eval instant at 60s count_over_time({app="b"}[1m])
        {app="b", trace="t"} 1
      eval instant at 60s sort_desc(count_over_time({app=~"a|b"}[1m]))
        expect ordered
        {app="a"} 6
        {app="b", trace="t"} 1
      eval instant at 60s 2 * 3
        6
      eval instant at 60s count_over_time({app="c"}[1m])
        expect empty
      eval instant at 60s count_over_time({app="a"} | json [1m])
        expect fail msg: JSONParserErr
      eval instant at 60s count_over_time({app="a"} | json [1m])
        expect fail regex: pipeline error: '\\w+Err'
      eval instant at 60s count_over_time({app="a"}[1m])
        expect fail

      clear
      eval instant at 60s count_over_time({app="a"}[1m])
        expect empty
      """;

  @Test
  void countsPassesAndFailuresWithLineNumbers() {
    ScriptResult r = new LogqlTestRunner().run("t.logqltest", SCRIPT);
    assertThat(r.summary()).as(r.failures().toString()).isEqualTo("9 passed, 3 failed, 0 skipped");
    assertThat(r.failures()).extracting(f -> f.line()).containsExactly(9, 13, 29);
    assertThat(r.failures().get(0).message()).contains("expected 5.0, got 6.0");
    assertThat(r.failures().get(1).message()).contains("at step 2").contains("expected 1.0, got _");
    assertThat(r.failures().get(2).message()).startsWith("expected an error");
    assertThat(LogqlTestRunner.totalSummary(java.util.List.of(r, r))).isEqualTo("18 passed, 6 failed, 0 skipped");
  }

  @Test
  void malformedScriptsNameFileAndLine() {
    assertThatThrownBy(() -> new LogqlTestRunner().run("bad.logqltest", "clear\nfrobnicate\n"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessage("bad.logqltest:2: unknown command: frobnicate");
    assertThatThrownBy(() -> new LogqlTestRunner().run("bad.logqltest", "load\n  {app=\"a\"} \"x @ 1s\n"))
        .hasMessageStartingWith("bad.logqltest:2: unterminated quoted line");
    assertThatThrownBy(() -> new LogqlTestRunner().run("bad.logqltest", "load\n  {app=\"a\"} \"x\" @ 1parsec\n"))
        .hasMessageStartingWith("bad.logqltest:2: invalid duration");
    assertThatThrownBy(() -> new LogqlTestRunner().run("bad.logqltest", "eval instant at 1s vector(1)\n\n"))
        .hasMessageStartingWith("bad.logqltest:1: an eval must expect exactly one kind of result");
    assertThatThrownBy(() -> new LogqlTestRunner().run("bad.logqltest", "eval instant at 1s vector(1)\n  {} 1 2\n"))
        .hasMessageStartingWith("bad.logqltest:2: an instant result needs exactly one value");
  }
}
