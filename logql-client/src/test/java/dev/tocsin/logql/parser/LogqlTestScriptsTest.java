package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The queries of Loki's logqltest scripts: every query expected to give results parses (and prints
 * back to the same tree); a query expected to fail with a message that Loki produces while parsing
 * is rejected with that message.
 */
class LogqlTestScriptsTest {
  private static final Pattern EVAL =
      Pattern.compile("^eval (?:instant at \\S+|range from \\S+ to \\S+ step \\S+) (.*)$");

  /** Substrings of the expected failures that Loki reports from its parser. */
  private static final List<String> PARSE_TIME_MESSAGES =
      List.of(
          "syntax error",
          "unable to parse literal as a float",
          "unexpected literal for",
          "expecting NUMBER",
          "unexpected -",
          "invalid aggregation",
          "grouping not allowed",
          "parameter required",
          "invalid parameter",
          "at least one named capture must be supplied",
          "duplicate extracted label name",
          "at least one capture is required");

  record Eval(String file, int line, String query, String failure) {}

  private static List<Eval> evals() throws IOException {
    Path dir = SharedDir.shared("conformance/logqltest");
    List<Eval> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".logqltest")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EVAL.matcher(lines.get(i));
          if (!m.matches()) {
            continue;
          }
          String failure = null;
          String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
          if (next.startsWith("expect fail")) {
            int colon = next.indexOf(':');
            failure = colon < 0 ? "" : next.substring(colon + 1).strip();
          }
          out.add(new Eval(f.getFileName().toString(), i + 1, m.group(1), failure));
        }
      }
    }
    return out;
  }

  private static boolean failsWhenParsed(String failure) {
    return failure != null && PARSE_TIME_MESSAGES.stream().anyMatch(failure::contains);
  }

  @TestFactory
  Stream<DynamicTest> parsesEveryQueryThatLokiRuns() throws IOException {
    return evals().stream()
        .filter(e -> !failsWhenParsed(e.failure()))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.file() + ":" + e.line() + " " + e.query(),
                    () -> {
                      LogqlExpr expr;
                      try {
                        expr = LogqlParser.parse(e.query());
                      } catch (ExpressionException x) {
                        // Loki fails these later; failing them sooner is fine when the reason is the same.
                        assertThat(e.failure()).isNotNull();
                        assertThat(x.errors().get(0).message()).contains(e.failure());
                        return;
                      }
                      AstAssert.assertSameTree(LogqlParser.parse(LogqlPrinter.print(expr)), expr);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> rejectsEveryQueryThatLokiRejectsWhileParsing() throws IOException {
    return evals().stream()
        .filter(e -> failsWhenParsed(e.failure()))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.file() + ":" + e.line() + " " + e.query(),
                    () -> {
                      String expected = e.failure().replace("\\\"", "\"");
                      assertThatThrownBy(() -> LogqlParser.parse(e.query()))
                          .isInstanceOf(ExpressionException.class)
                          .satisfies(
                              x ->
                                  assertThat(((ExpressionException) x).errors().get(0).message())
                                      .contains(expected));
                    }));
  }
}
