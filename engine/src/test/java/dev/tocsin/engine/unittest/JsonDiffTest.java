package dev.tocsin.engine.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
  private static final String ADDED = "\033[0;32m";
  private static final String REMOVED = "\033[0;31m";
  private static final String CHANGED = "\033[0;33m";
  private static final String END = "\033[0m";

  @Test
  void equalValuesHaveNoDiff() {
    assertThat(JsonDiff.diff(List.of(Map.of("a", "1")), List.of(Map.of("a", "1")))).isNull();
  }

  @Test
  void marksChangedRemovedAndAddedParts() {
    String d = JsonDiff.diff(Map.of("a", "1", "b", "2"), Map.of("a", "9", "c", "3"));
    assertThat(d).isEqualTo("{\n    \"a\": " + CHANGED + "\"1\" => \"9\"" + END + ",\n    " + REMOVED + "\"b\": \"2\"" + END
        + ",\n    " + ADDED + "\"c\": \"3\"" + END + "\n}");
  }

  @Test
  void extraListElementsArePrintedWhole() {
    String d = JsonDiff.diff(List.of(), List.of(Map.of("k", "v")));
    // As in promtool, every line break ends the colour and the next line starts it again.
    assertThat(d).isEqualTo("[\n    " + ADDED + "{" + END + "\n        " + ADDED + "\"k\": \"v\"" + END + "\n    " + ADDED
        + "}" + END + "\n]");
  }
}
