package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared LogQL corpus: lines without {@code !} are valid Loki queries, lines with it are not. */
class CorpusTest {
  private static List<String> lines() throws IOException {
    return Files.readAllLines(SharedDir.shared("conformance/logql/corpus.txt")).stream()
        .filter(l -> !l.isBlank())
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> classifiesEveryCorpusQueryAsLokiDoes() throws IOException {
    return lines().stream()
        .map(
            line ->
                DynamicTest.dynamicTest(
                    line,
                    () -> {
                      if (line.startsWith("!")) {
                        assertThatThrownBy(() -> LogqlParser.parse(line.substring(1)))
                            .isInstanceOf(ExpressionException.class);
                      } else {
                        LogqlParser.parse(line);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> printsEveryValidCorpusQuerySoThatItParsesBackToTheSameTree() throws IOException {
    return lines().stream()
        .filter(l -> !l.startsWith("!"))
        .map(
            line ->
                DynamicTest.dynamicTest(
                    line,
                    () -> {
                      LogqlExpr first = LogqlParser.parse(line);
                      String printed = LogqlPrinter.print(first);
                      LogqlExpr second = LogqlParser.parse(printed);
                      AstAssert.assertSameTree(second, first);
                      assertThat(LogqlPrinter.print(second)).isEqualTo(printed);
                    }));
  }

  @Test
  void corpusHasBothValidAndInvalidQueries() throws IOException {
    List<String> lines = lines();
    assertThat(lines.stream().filter(l -> l.startsWith("!")).count()).isEqualTo(14);
    assertThat(lines.stream().filter(l -> !l.startsWith("!")).count()).isEqualTo(38);
  }
}
