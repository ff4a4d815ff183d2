package dev.tocsin.model.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlLimits;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

class ScalarSourceTest {
  private static ScalarSource exprOf(String yaml) throws Exception {
    YamlDocument doc = YamlDocument.parse(yaml, YamlLimits.DEFAULT);
    MappingNode root = (MappingNode) doc.root();
    return doc.scalarSource((ScalarNode) root.getValue().get(0).getValueNode());
  }

  /** The position of the first occurrence of a needle in the value. */
  private static Position at(ScalarSource s, String needle) {
    return s.positionOf(s.value().indexOf(needle));
  }

  @Test
  void plainScalarMapsOneToOne() throws Exception {
    ScalarSource s = exprOf("expr: sum(rate(x[5m]))\n");
    assertThat(at(s, "rate")).isEqualTo(new Position(1, 11));
    assertThat(s.start()).isEqualTo(new Position(1, 7));
  }

  @Test
  void doubleQuotedScalarAccountsForEscapes() throws Exception {
    ScalarSource s = exprOf("expr: \"up{job=\\\"api\\\"} == 0\\nor vector(1)\"\n");
    assertThat(s.value()).isEqualTo("up{job=\"api\"} == 0\nor vector(1)");
    assertThat(at(s, "api")).isEqualTo(new Position(1, 17));
    assertThat(at(s, "==")).isEqualTo(new Position(1, 24));
    assertThat(at(s, "vector")).isEqualTo(new Position(1, 33));
  }

  @Test
  void singleQuotedScalarAccountsForDoubledQuotes() throws Exception {
    ScalarSource s = exprOf("expr: 'up{job=''api''} > bad'\n");
    assertThat(at(s, "bad")).isEqualTo(new Position(1, 26));
  }

  @Test
  void literalBlockStripsIndentation() throws Exception {
    ScalarSource s = exprOf("expr: |\n  sum(\n    rate(x[5m])\n  ) > 1\n");
    assertThat(at(s, "rate")).isEqualTo(new Position(3, 5));
    assertThat(at(s, ">")).isEqualTo(new Position(4, 5));
  }

  @Test
  void foldedBlockMapsFoldedLines() throws Exception {
    ScalarSource s = exprOf("expr: >\n  sum(x)\n  / sum(y)\n");
    assertThat(s.value()).isEqualTo("sum(x) / sum(y)\n");
    assertThat(at(s, "/")).isEqualTo(new Position(3, 3));
    assertThat(at(s, "y")).isEqualTo(new Position(3, 9));
  }

  @Test
  void multiLinePlainScalarFolds() throws Exception {
    ScalarSource s = exprOf("expr: sum(x)\n  / sum(y)\n");
    assertThat(s.value()).isEqualTo("sum(x) / sum(y)");
    assertThat(at(s, "y")).isEqualTo(new Position(2, 9));
  }

  @Test
  void offsetsPastTheEndPointJustAfterTheLastCharacter() throws Exception {
    ScalarSource s = exprOf("expr: sum(x\n");
    assertThat(s.positionOf(s.value().length())).isEqualTo(new Position(1, 12));
  }
}
