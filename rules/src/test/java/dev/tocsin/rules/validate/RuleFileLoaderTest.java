package dev.tocsin.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Severity;
import dev.tocsin.model.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFileLoaderTest {
  private static LoadResult load(String yaml) {
    return new RuleFileLoader(LoadOptions.DEFAULT).load("f.yml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> errors(String yaml) {
    return load(yaml).errors().stream().map(Diagnostic::format).toList();
  }

  @Test
  void loadsGroupsAndRulesWithTheirFields() {
    LoadResult r = load("""
        groups:
          - name: g
            interval: 30s
            limit: 5
            query_offset: 1m
            labels: {team: a}
            rules:
              - alert: A
                expr: up == 0
                for: 5m
                keep_firing_for: 1m
                labels: {severity: page}
                annotations: {summary: "{{ $labels.instance }} down"}
              - record: job:up:sum
                expr: sum by (job) (up)
        """);
    assertThat(r.diagnostics()).isEmpty();
    RuleFile f = r.file();
    assertThat(f.ruleCount()).isEqualTo(2);
    var g = f.groups().get(0);
    assertThat(g.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(g.limit()).isEqualTo(5);
    assertThat(g.queryOffset()).isEqualTo(Duration.ofMinutes(1));
    assertThat(g.labels().get("team")).isEqualTo("a");
    AlertingRule a = (AlertingRule) g.rules().get(0);
    assertThat(a.holdDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(a.keepFiringFor()).isEqualTo(Duration.ofMinutes(1));
    assertThat(a.annotations().get("summary")).isEqualTo("{{ $labels.instance }} down");
    assertThat(a.query().language()).isEqualTo(QueryLanguage.PROMQL);
  }

  @Test
  void emptyFileHasNoRules() {
    LoadResult r = load("");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.file().ruleCount()).isZero();
  }

  @Test
  void reportsEveryUnknownFieldWithItsPosition() {
    assertThat(errors("""
        groups:
          - name: g
            foo: 1
            rules:
              - alert: A
                expr: up
                extra: x
        """)).containsExactly(
            "f.yml: 3:5: field foo not found in type rulefmt.RuleGroup",
            "f.yml: 7:9: field extra not found in type rulefmt.Rule");
  }

  @Test
  void ignoresUnknownFieldsWhenAsked() {
    LoadResult r = new RuleFileLoader(new LoadOptions(true, false, YamlLimits.DEFAULT)).load("f.yml",
        "groups:\n- name: g\n  owner: x\n  rules:\n  - alert: A\n    expr: up\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void positionsAParseErrorInsideTheExpression() {
    assertThat(errors("""
        groups:
          - name: g
            rules:
              - alert: A
                expr: |
                  sum(rate(x[5m])
                    > 1
        """)).singleElement().asString()
        .startsWith("f.yml: ")
        .contains("group \"g\", rule 1, \"A\": could not parse expression: ")
        .contains("parse error");
  }

  @Test
  void badDurationNamesTheValue() {
    assertThat(errors("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up\n    for: 1x\n"))
        .containsExactly("f.yml: 6:10: not a valid duration string: \"1x\"");
  }

  @Test
  void recordingRuleRejectsAlertingFields() {
    assertThat(errors("groups:\n- name: g\n  rules:\n  - record: r\n    expr: up\n    for: 1m\n    annotations: {a: b}\n"))
        .containsExactlyInAnyOrder(
            "f.yml: 4:13: group \"g\", rule 1, \"r\": invalid field 'annotations' in recording rule",
            "f.yml: 4:13: group \"g\", rule 1, \"r\": invalid field 'for' in recording rule");
  }

  @Test
  void typeErrorsUseYamlV3Wording() {
    assertThat(errors("groups:\n- name: g\n  limit: abc\n  rules:\n  - alert: a\n    expr: up\n    labels: [a]\n"))
        .containsExactly(
            "f.yml: 3:10: cannot unmarshal !!str `abc` into int",
            "f.yml: 7:13: cannot unmarshal !!seq into map[string]string");
  }

  @Test
  void duplicateKeysAreErrors() {
    assertThat(errors("groups:\n- name: x\n  rules:\n  - alert: a\n    expr: up\n    expr: down\n"))
        .containsExactly("f.yml: 6:5: mapping key \"expr\" already defined at line 5");
  }

  @Test
  void groupTypeChoosesTheLanguage() {
    LoadResult r = load("""
        groups:
          - name: logs
            type: loki
            rules:
              - alert: Errors
                expr: sum(count_over_time({app="api"} |= "error" [5m])) > 0
        """);
    assertThat(r.diagnostics()).isEmpty();
    Rule rule = r.file().groups().get(0).rules().get(0);
    assertThat(rule.query().language()).isEqualTo(QueryLanguage.LOGQL);
    assertThat(r.file().groups().get(0).language()).isEqualTo(QueryLanguage.LOGQL);
  }

  @Test
  void rejectsAnUnknownGroupType() {
    assertThat(errors("groups:\n- name: g\n  type: graphite\n  rules: []\n"))
        .containsExactly("f.yml: 3:9: invalid group type \"graphite\": must be prometheus, loki, promql or logql");
  }

  @Test
  void detectsLogqlWithoutAGroupType() {
    LoadResult r = load("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: sum(rate({app=\"x\"} | json [1m])) > 1\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.file().groups().get(0).rules().get(0).query().language()).isEqualTo(QueryLanguage.LOGQL);
  }

  @Test
  void warnsWhenAnExpressionIsValidInBothLanguages() {
    LoadResult r = load("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: count_over_time({app=\"x\"}[5m]) > 1\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("PromQL and LogQL");
    });
    assertThat(r.file().groups().get(0).rules().get(0).query().language()).isEqualTo(QueryLanguage.PROMQL);
  }

  @Test
  void logQueryWithoutAggregationIsAnError() {
    assertThat(errors("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: '{app=\"x\"} |= \"error\"'\n"))
        .singleElement().asString().contains("a rule needs a metric query");
  }

  @Test
  void showsLogqlErrorForTextThatLooksLikeLogql() {
    assertThat(errors("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: 'sum(count_over_time({app=\"x\"} | json [5m]) > '\n"))
        .singleElement().asString().contains("could not parse LogQL expression");
    assertThat(errors("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: 'sum(rate(x[5m]) > '\n"))
        .singleElement().asString().contains("could not parse expression").doesNotContain("LogQL");
  }

  @Test
  void mergeKeysAreResolved() {
    LoadResult r = load("""
        groups:
          - name: g
            rules:
              - &base
                alert: A
                expr: up == 0
                labels: {severity: page}
              - <<: *base
                alert: B
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.file().groups().get(0).rules()).extracting(Rule::name).containsExactly("A", "B");
    assertThat(r.file().groups().get(0).rules().get(1).labels().get("severity")).isEqualTo("page");
  }

  @Test
  void groupLabelNamesAreValidatedWithoutRuleContext() {
    assertThat(errors("groups:\n- name: g\n  labels: {__name__: x}\n  rules: []\n"))
        .containsExactly("f.yml: 3:12: invalid label name: __name__");
  }

  @Test
  void templateErrorsArePositionedAtTheirLine() {
    assertThat(errors("""
        groups:
          - name: g
            rules:
              - alert: A
                expr: up == 0
                annotations:
                  summary: "{{ $labels.instance }} down"
                  description: |
                    Instance {{ $labels.instance }}
                    has {{ $value | nosuchfunc }} errors.
        """)).containsExactly("f.yml: 10:13: group \"g\", rule 1, \"A\": annotation \"description\": "
            + "template: __alert_A:2: function \"nosuchfunc\" not defined");
    assertThat(errors("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up\n    labels: {x: \"{{ $nosuch }}\"}\n"))
        .containsExactly("f.yml: 6:17: group \"g\", rule 1, \"A\": label \"x\": template: __alert_A:1: undefined variable \"$nosuch\"");
  }

  @Test
  void loadingWithoutPositionsGivesTheSameRulesAndTheSamePositionedErrors() throws Exception {
    java.nio.file.Path p1b = java.nio.file.Path.of("..", "examples", "p1b_alerts.yml");
    byte[] good = java.nio.file.Files.readAllBytes(p1b);
    LoadResult positioned = new RuleFileLoader(LoadOptions.DEFAULT).load("p1b.yml", good);
    LoadResult quick = new RuleFileLoader(LoadOptions.DEFAULT.withoutPositions()).load("p1b.yml", good);
    assertThat(quick.diagnostics()).isEmpty();
    assertThat(quick.file().groups()).hasSameSizeAs(positioned.file().groups());
    for (int g = 0; g < positioned.file().groups().size(); g++) {
      List<Rule> a = positioned.file().groups().get(g).rules();
      List<Rule> b = quick.file().groups().get(g).rules();
      assertThat(b).extracting(r -> r.name() + " " + r.query().text() + " " + r.query().language())
          .isEqualTo(a.stream().map(r -> r.name() + " " + r.query().text() + " " + r.query().language()).toList());
    }
    byte[] bad = "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: sum(rate(x[5m])\n".getBytes(StandardCharsets.UTF_8);
    LoadResult badPositioned = new RuleFileLoader(LoadOptions.DEFAULT).load("bad.yml", bad);
    LoadResult badQuick = new RuleFileLoader(LoadOptions.DEFAULT.withoutPositions()).load("bad.yml", bad);
    assertThat(badQuick.diagnostics()).extracting(Diagnostic::format)
        .containsExactlyElementsOf(badPositioned.diagnostics().stream().map(Diagnostic::format).toList())
        .singleElement().asString().startsWith("bad.yml: 5:26: group \"g\", rule 1, \"A\": could not parse expression");
  }
}
