package dev.tocsin.engine.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.rules.validate.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleUnitTesterTest {
  @TempDir Path dir;
  private final RuleUnitTester tester = new RuleUnitTester(new RuleUnitTester.Options(LoadOptions.DEFAULT, null));

  @BeforeEach
  void rules() throws IOException {
    Files.writeString(dir.resolve("rules.yml"), """
        groups:
        - name: g
          rules:
          - alert: Down
            expr: up == 0
            for: 1m
            labels: {severity: page}
            annotations:
              summary: "{{ $labels.instance }} is down"
              description: "A long text nobody wants to repeat in every test, value {{ $value }}."
        """);
  }

  private RuleUnitTester.Result run(String test) throws IOException {
    Path f = dir.resolve("t.yml");
    Files.writeString(f, "rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n" + test);
    return tester.test(f);
  }

  private static final String SERIES = """
      - name: down
        interval: 1m
        input_series:
          - series: up{instance="a"}
            values: 0 0 0
        alert_rule_test:
          - eval_time: 2m
            alertname: Down
      """;

  private static String expected(String summary) {
    return "      exp_alerts:\n        - exp_labels: {severity: page, instance: a}\n"
        + "          exp_annotations: {summary: \"" + summary + "\"}\n";
  }

  @Test
  void subsetMatchingComparesOnlyTheListedAnnotations() throws IOException {
    RuleUnitTester.Result r = run(SERIES + "      annotations_match: subset\n" + expected("a is down"));
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void subsetMatchingStillFailsOnAWrongAnnotation() throws IOException {
    RuleUnitTester.Result r = run(SERIES + "      annotations_match: subset\n" + expected("b is down"));
    assertThat(r.errors()).singleElement().asString().contains("b is down").contains("a is down");
  }

  @Test
  void exactMatchingIsTheDefaultAsInPromtool() throws IOException {
    RuleUnitTester.Result r = run(SERIES + expected("a is down"));
    assertThat(r.errors()).singleElement().asString().contains("A long text");
  }

  @Test
  void pendingAlertsAreInvisible() throws IOException {
    RuleUnitTester.Result r = run(SERIES.replace("eval_time: 2m", "eval_time: 59s") + "      exp_alerts: []\n");
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void junitReportHasASuitePerFileAndACasePerGroup() throws IOException {
    RuleUnitTester.Result r = run(SERIES + "      exp_alerts: []\n");
    JunitReport report = new JunitReport();
    report.add("t.yml", r, Instant.EPOCH);
    assertThat(report.toXml())
        .contains("<testsuite name=\"t.yml\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" timestamp=\"1970-01-01T00:00:00Z\">")
        .contains("<testcase name=\"down\"><failure>")
        .contains("alertname: Down, time: 2m");
  }

  @Test
  void badAnnotationsMatchValueIsAnError() throws IOException {
    RuleUnitTester.Result r = run(SERIES + "      annotations_match: fuzzy\n");
    assertThat(r.errors()).singleElement().asString().contains("annotations_match must be exact or subset");
  }

  @Test
  void diffShowsOnlyWhatDiffers() throws IOException {
    RuleUnitTester diffing = new RuleUnitTester(new RuleUnitTester.Options(LoadOptions.DEFAULT, null, false, true));
    Path f = dir.resolve("d.yml");
    Files.writeString(f, "rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n" + SERIES + expected("b is down"));
    RuleUnitTester.Result r = diffing.test(f);
    assertThat(r.errors()).singleElement().asString()
        .startsWith("    name: down,\n    alertname: Down, time: 2m, \n        diff: [\n")
        .contains("\"summary\": \033[0;33m\"b is down\" => \"a is down\"\033[0m")
        .contains("\033[0;32m\"description\": ");
  }
}
