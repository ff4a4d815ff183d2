package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.ExpressionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under {@code golden/logql-parse}: each {@code .logql} query has either an {@code
 * .ast.txt} (the tree with spans) or an {@code .err.txt} (the error as {@code L:C: parse error:
 * message}). Run with {@code -Dgolden.update=true} to rewrite the expected files.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden/logql-parse");

  static Stream<String> queries() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".logql"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void matchesGoldenFile(String name) throws IOException {
    String base = name.substring(0, name.length() - ".logql".length());
    String query = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8).stripTrailing();
    String actual;
    String suffix;
    try {
      actual = AstDump.dump(LogqlParser.parse(query));
      suffix = ".ast.txt";
    } catch (ExpressionException e) {
      actual = e.getMessage() + "\n";
      suffix = ".err.txt";
    }
    Path expected = DIR.resolve(base + suffix);
    if (Boolean.getBoolean("golden.update")) {
      Files.deleteIfExists(DIR.resolve(base + ".ast.txt"));
      Files.deleteIfExists(DIR.resolve(base + ".err.txt"));
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
