package dev.tocsin.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.model.source.Diagnostic;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus' own rulefmt test files, with the errors Prometheus expects for each bad one. */
class RulefmtConformanceTest {
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("bad_expr.bad.yaml", "could not parse expression: "),
        Arguments.of("bad_field.bad.yaml", "field annotation not found in type rulefmt.Rule"),
        Arguments.of("duplicate_grp.bad.yaml", "groupname: \"yolo\" is repeated in the same file"),
        Arguments.of("invalid_label_name.bad.yaml", "invalid label name: __name__"),
        Arguments.of("invalid_record_name.bad.yaml",
            "braces present in the recording rule name; should it be in expr?: strawberry{flavor=\"sweet\"}"),
        Arguments.of("no_rec_alert.bad.yaml", "one of 'record' or 'alert' must be set"),
        Arguments.of("noexpr.bad.yaml", "field 'expr' must be set in rule"),
        Arguments.of("record_and_alert.bad.yaml", "only one of 'record' and 'alert' must be set"),
        Arguments.of("record_and_for.bad.yaml", "invalid field 'for' in recording rule"),
        Arguments.of("record_and_keep_firing_for.bad.yaml", "invalid field 'keep_firing_for' in recording rule"),
        // Valid in Prometheus 3.x, whose default name validation is UTF-8 (bad only under legacy validation).
        Arguments.of("legacy_validation_annotation.bad.yaml", null),
        Arguments.of("legacy_validation_annotation.good.yaml", null),
        Arguments.of("utf-8_annotation.good.yaml", null),
        Arguments.of("utf-8_lname.good.yaml", null),
        Arguments.of("test.yaml", null),
        Arguments.of("test_aliases.yaml", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void agreesWithPrometheus(String name, String expectedError) {
    Path file = SharedDir.shared("conformance/rulefmt/" + name);
    LoadResult result = new RuleFileLoader(LoadOptions.DEFAULT).load(file);
    if (expectedError == null) {
      assertThat(result.errors()).isEmpty();
    } else {
      assertThat(result.errors()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m).contains(expectedError));
      assertThat(result.errors()).allSatisfy(d -> assertThat(d.position()).isNotNull());
    }
  }
}
