package dev.tocsin.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.promql.ast.Expr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code golden/promql-parse/NAME.promql} parses to the tree in {@code
 * NAME.ast.txt} (the printed expression, then the tree) or fails with the errors in {@code
 * NAME.err.txt}. Run with {@code -Dgolden.update=true} to rewrite the expected files.
 */
class GoldenParseTest {
  private static final Path DIR = Path.of("src/test/resources/golden/promql-parse");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".promql"))
          .map(n -> n.substring(0, n.length() - ".promql".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesAsRecorded(String name) throws IOException {
    String text = Files.readString(DIR.resolve(name + ".promql"), StandardCharsets.UTF_8);
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    String actual;
    String suffix;
    try {
      Expr e = PromqlParser.parse(text);
      actual = "printed: " + e.toPromql() + "\n" + AstDump.dump(e);
      suffix = ".ast.txt";
    } catch (ExpressionException ex) {
      String input = text;
      actual = ex.errors().stream().map(err -> err.format(input)).collect(Collectors.joining("\n")) + "\n";
      suffix = ".err.txt";
    }
    Path expected = DIR.resolve(name + suffix);
    Path other = DIR.resolve(name + (suffix.equals(".ast.txt") ? ".err.txt" : ".ast.txt"));
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      Files.deleteIfExists(other);
      return;
    }
    assertThat(other).as("%s should not exist: the case now gives %s", other, suffix).doesNotExist();
    assertThat(expected).as("missing golden file; run with -Dgolden.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
