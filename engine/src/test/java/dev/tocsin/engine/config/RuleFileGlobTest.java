package dev.tocsin.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleFileGlobTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "*.yml|a.yml|true",
      "*.yml|.a.yml|true",
      "*.yml|a.yaml|false",
      "a?.yml|ab.yml|true",
      "a?.yml|a.yml|false",
      "[a-c].yml|b.yml|true",
      "[^a-c].yml|b.yml|false",
      "[^a-c].yml|d.yml|true",
      "\\*.yml|*.yml|true",
      "\\*.yml|a.yml|false",
      "a.b|a.b|true",
      "a.b|axb|false",
      "[\\]].yml|].yml|true",
      "(x)+.yml|(x)+.yml|true"})
  void matchesLikeGoFilepathMatch(String pattern, String name, boolean matches) throws Exception {
    assertThat(RuleFileGlob.compile(pattern).matcher(name).matches()).isEqualTo(matches);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "[]", "[a-", "[z-a]", "a\\", "[^]"})
  void badPatterns(String pattern) {
    assertThatThrownBy(() -> RuleFileGlob.compile(pattern)).isInstanceOf(RuleFileGlob.BadPatternException.class)
        .hasMessage("syntax error in pattern");
  }

  @Test
  void expandsComponentByComponentAndKeepsOnlyExistingPlainPaths() throws Exception {
    Files.createDirectories(dir.resolve("x1"));
    Files.createDirectories(dir.resolve("x2"));
    Files.writeString(dir.resolve("x1/r.yml"), "");
    Files.writeString(dir.resolve("x2/r.yml"), "");
    Files.writeString(dir.resolve("x2/s.yml"), "");
    assertThat(RuleFileGlob.expand(dir.resolve("x?/r.yml")))
        .containsExactly(dir.resolve("x1/r.yml"), dir.resolve("x2/r.yml"));
    assertThat(RuleFileGlob.expand(dir.resolve("x2/*"))).containsExactly(dir.resolve("x2/r.yml"), dir.resolve("x2/s.yml"));
    assertThat(RuleFileGlob.expand(dir.resolve("x1/r.yml"))).containsExactly(dir.resolve("x1/r.yml"));
    assertThat(RuleFileGlob.expand(dir.resolve("x1/none.yml"))).isEmpty();
    assertThat(RuleFileGlob.expand(dir.resolve("nodir/*.yml"))).isEmpty();
  }
}
