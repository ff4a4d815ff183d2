package dev.tocsin.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.YamlLimits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule files of promtool's own test data, with the verdicts of Prometheus 3.x. */
class PromtoolRuleFilesTest {
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("at-modifier.yml", 1, null),
        Arguments.of("bad-rules-error.yml", 1, null),
        Arguments.of("bad-rules-syntax.yml", 0, "could not parse expression: 1:7: parse error: unexpected end of input"),
        Arguments.of("negative-offset.yml", 1, null),
        Arguments.of("prometheus-rules.lint.yml", 2, null),
        Arguments.of("rules.yml", 5, null),
        Arguments.of("rules-bad.yml", 0,
            "annotation \"summary\": template: __alert_InstanceDown:1: undefined variable \"$label\""),
        Arguments.of("rules_duplicates.yml", 5, null),
        Arguments.of("rules_extrafields.yml", 0, "field namespace not found in type rulefmt.RuleGroup"),
        Arguments.of("rules_large.yml", 10002, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void agreesWithPromtool(String name, int rules, String error) {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load(SharedDir.shared("conformance/promtool/" + name));
    if (error == null) {
      assertThat(r.errors()).isEmpty();
      assertThat(r.file().ruleCount()).isEqualTo(rules);
    } else {
      assertThat(r.errors()).extracting(Diagnostic::format).anySatisfy(m -> assertThat(m).contains(error));
    }
  }

  @Test
  void extraFieldsPassWhenIgnored() {
    LoadResult r = new RuleFileLoader(new LoadOptions(true, false, YamlLimits.DEFAULT))
        .load(SharedDir.shared("conformance/promtool/rules_extrafields.yml"));
    assertThat(r.errors()).isEmpty();
  }

  /**
   * features.yml passes in Prometheus 3.x with every feature enabled. Tocsin accepts the
   * experimental functions; duration expressions, anchored ranges and fill() modifiers are not
   * implemented yet (ARCHITECTURE.md), so exactly those three rules fail, with a clear message.
   */
  @Test
  void featuresFileFailsOnlyOnTheUnimplementedFeatures() {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT.withExperimentalFunctions(true))
        .load(SharedDir.shared("conformance/promtool/features.yml"));
    List<String> contexts = r.errors().stream().map(Diagnostic::context).toList();
    assertThat(contexts).containsExactlyInAnyOrder(
        "group \"features\", rule 2, \"promql-duration-expr\"",
        "group \"features\", rule 3, \"promql-extended-range-selectors\"",
        "group \"features\", rule 4, \"promql-binop-fill-modifiers\"");
  }

  @Test
  void experimentalFunctionsNeedTheFeatureFlag() {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load(SharedDir.shared("conformance/promtool/features.yml"));
    assertThat(r.errors()).extracting(Diagnostic::context).contains("group \"features\", rule 1, \"promql-experimental-functions\"");
  }
}
