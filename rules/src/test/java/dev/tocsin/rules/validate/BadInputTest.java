package dev.tocsin.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and broken files: each gives a one-line error with a position where there is one, never a hang. */
@Timeout(30)
class BadInputTest {
  private static List<Diagnostic> errors(byte[] bytes, YamlLimits limits) {
    LoadResult r = new RuleFileLoader(new LoadOptions(false, false, limits)).load("bad.yml", bytes);
    assertThat(r.errors()).as("bad input is an error").isNotEmpty();
    r.errors().forEach(d -> assertThat(d.format()).as("one line").doesNotContain("\n").startsWith("bad.yml: "));
    return r.errors();
  }

  private static List<Diagnostic> errors(String text) {
    return errors(text.getBytes(StandardCharsets.UTF_8), YamlLimits.DEFAULT);
  }

  @Test
  void notYaml() {
    assertThat(errors("groups: [\n  - name: x\n").get(0).position()).isNotNull();
  }

  @Test
  void notARuleFile() {
    assertThat(errors("just some text\n").get(0).message()).contains("cannot unmarshal !!str into rulefmt.RuleGroups");
  }

  @Test
  void tabsForIndentation() {
    Diagnostic d = errors("groups:\n\t- name: x\n").get(0);
    assertThat(d.position().line()).isEqualTo(2);
  }

  @Test
  void binaryData() {
    byte[] bytes = new byte[4096];
    new java.util.Random(42).nextBytes(bytes);
    errors(bytes, YamlLimits.DEFAULT);
  }

  @Test
  void binaryWithNulBytes() {
    assertThat(errors("groups:\0\0\0").get(0).message()).contains("binary");
  }

  @Test
  void invalidUtf8() {
    byte[] bytes = "groups:\n- name: \"caf\u00e9\"\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 3] = (byte) 0xff;
    Diagnostic d = errors(bytes, YamlLimits.DEFAULT).get(0);
    assertThat(d.message()).contains("invalid UTF-8");
    assertThat(d.position().line()).isEqualTo(2);
  }

  @Test
  void fileOverTheSizeLimit() {
    byte[] bytes = "groups: []\n#........................................\n".getBytes(StandardCharsets.UTF_8);
    assertThat(errors(bytes, new YamlLimits(16, 100)).get(0).message()).contains("over the limit of 16 bytes");
  }

  @Test
  void billionLaughs() {
    StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i > 0 ? "," : "").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    errors(sb.toString());
  }

  @Test
  void deeplyNestedYaml() {
    errors("groups: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
  }

  @Test
  void expressionNestedTenThousandLevels() {
    String expr = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    Diagnostic d = errors("groups:\n- name: g\n  rules:\n  - record: r\n    expr: " + expr + "\n").get(0);
    assertThat(d.position()).isNotNull();
  }

  @Test
  void wrongShapes() {
    errors("groups: {name: x}\n");
    errors("groups:\n- name: [x]\n");
    errors("groups:\n- name: g\n  rules: {alert: a}\n");
  }
}
