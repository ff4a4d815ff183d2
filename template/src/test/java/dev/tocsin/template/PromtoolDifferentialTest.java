package dev.tocsin.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.template.funcs.PrometheusFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a few hundred templates with Tocsin and checks them against promtool 2.42 in one batch:
 * executable templates become annotations of a {@code promtool test rules} file whose expected
 * values are Tocsin's output; templates that fail to parse go through {@code promtool check rules}.
 */
class PromtoolDifferentialTest {
  private static final Labels EXTERNAL = Labels.of("region", "eu", "dc", "fra1");
  private static final String EXTERNAL_URL = "http://alerts.example:9090/prom";

  /** One case: template text, the sample value (as series notation) and extra series labels. */
  record Case(String template, String value, Labels labels) {}

  @TempDir Path dir;

  @Test
  void rendersLikePromtool() throws Exception {
    Path promtool = SharedDir.peers().resolve("usr/bin/promtool");
    List<Case> cases = DifferentialCases.all();
    assertThat(cases.size()).isGreaterThan(250);

    List<Integer> runnable = new ArrayList<>();
    List<Integer> parseErrors = new ArrayList<>();
    Map<Integer, String> expected = new TreeMap<>();
    List<QuerySample> storage = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (AlertTemplates.check(alert(i), c.template()) == null) {
        storage.add(new QuerySample(seriesLabels(i, c), parseValue(c.value())));
      }
    }
    PrometheusFunctions.Context ctx = new PrometheusFunctions.Context(selector(storage), Instant.EPOCH, null);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String err = AlertTemplates.check(alert(i), c.template());
      if (err != null) {
        parseErrors.add(i);
        expected.put(i, err);
        continue;
      }
      runnable.add(i);
      Labels series = seriesLabels(i, c);
      expected.put(
          i,
          AlertTemplates.expand(alert(i), c.template(), series, parseValue(c.value()), EXTERNAL, EXTERNAL_URL, ctx));
    }

    List<String> disagreements = new ArrayList<>();
    disagreements.addAll(runTestRules(promtool, cases, runnable, expected));
    disagreements.addAll(runCheckRules(promtool, cases, parseErrors, expected));
    System.out.printf(
        "promtool differential: %d cases (%d rendered, %d parse errors), %d disagreements%n",
        cases.size(), runnable.size(), parseErrors.size(), disagreements.size());
    assertThat(disagreements).isEmpty();
  }

  /**
   * Answers {@code m{name="value"}} from the cases' own series, sorted by labels as Prometheus
   * returns a selector's series; any other expression selects nothing here and in promtool.
   */
  private static QueryFunction selector(List<QuerySample> storage) {
    Pattern p = Pattern.compile("m\\{(\\w+)=\"([^\"]*)\"}");
    return (expr, time) -> {
      Matcher m = p.matcher(expr);
      if (!m.matches()) {
        return List.of();
      }
      return storage.stream()
          .filter(s -> m.group(2).equals(s.labels().get(m.group(1))))
          .sorted((a, b) -> a.labels().compareTo(b.labels()))
          .toList();
    };
  }

  private static String alert(int i) {
    return "C" + i;
  }

  private static Labels seriesLabels(int i, Case c) {
    return c.labels().toBuilder().put("__name__", "m").put("case", "c" + i).build();
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "NaN" -> Double.NaN;
      case "Inf", "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(v);
    };
  }

  private List<String> runTestRules(Path promtool, List<Case> cases, List<Integer> idx, Map<Integer, String> expected)
      throws IOException, InterruptedException {
    StringBuilder rules = new StringBuilder("groups:\n- name: g\n  rules:\n");
    StringBuilder test = new StringBuilder();
    test.append("rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n- interval: 1m\n");
    test.append("  external_labels: {region: eu, dc: fra1}\n");
    test.append("  external_url: ").append(yaml(EXTERNAL_URL)).append('\n');
    test.append("  input_series:\n");
    for (int i : idx) {
      Case c = cases.get(i);
      rules.append("  - alert: ").append(alert(i)).append('\n');
      rules.append("    expr: m{case=\"c").append(i).append("\"}\n");
      rules.append("    annotations:\n      a: ").append(yaml(c.template())).append('\n');
      Labels series = seriesLabels(i, c);
      StringBuilder sel = new StringBuilder("m{");
      boolean first = true;
      for (var l : series.withoutMetricName()) {
        if (!first) {
          sel.append(", ");
        }
        first = false;
        sel.append(l.name()).append("=").append(promQuote(l.value()));
      }
      sel.append('}');
      test.append("  - series: ").append(yaml(sel.toString())).append('\n');
      test.append("    values: ").append(yaml(c.value())).append('\n');
    }
    test.append("  alert_rule_test:\n");
    for (int i : idx) {
      Labels series = seriesLabels(i, cases.get(i)).withoutMetricName();
      test.append("  - eval_time: 0m\n    alertname: ").append(alert(i)).append('\n');
      test.append("    exp_alerts:\n    - exp_labels: {");
      boolean first = true;
      for (var l : series) {
        if (!first) {
          test.append(", ");
        }
        first = false;
        test.append(l.name()).append(": ").append(yaml(l.value()));
      }
      test.append("}\n");
      test.append("      exp_annotations: {a: ").append(yaml(expected.get(i))).append("}\n");
    }
    Files.writeString(dir.resolve("rules.yml"), rules, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("test.yml"), test, StandardCharsets.UTF_8);
    String out = run(promtool, "test", "rules", "test.yml");
    List<String> bad = new ArrayList<>();
    Matcher m = Pattern.compile("alertname: C(\\d+), time:").matcher(out);
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      bad.add("case " + i + " " + cases.get(i).template() + " value=" + cases.get(i).value() + "\n  tocsin: "
          + expected.get(i) + "\n  promtool: " + gotAnnotation(out, m.end()));
    }
    if (bad.isEmpty() && !out.contains("SUCCESS")) {
      bad.add("promtool did not succeed:\n" + out);
    }
    return bad;
  }

  private static String gotAnnotation(String out, int from) {
    int got = out.indexOf("got:[", from);
    if (got < 0) {
      return "?";
    }
    int ann = out.indexOf("Annotations:{", got);
    int end = out.indexOf('\n', ann);
    return ann < 0 ? "?" : out.substring(ann, end < 0 ? out.length() : end);
  }

  private List<String> runCheckRules(Path promtool, List<Case> cases, List<Integer> idx, Map<Integer, String> expected)
      throws IOException, InterruptedException {
    if (idx.isEmpty()) {
      return List.of();
    }
    StringBuilder rules = new StringBuilder("groups:\n- name: g\n  rules:\n");
    for (int i : idx) {
      rules.append("  - alert: ").append(alert(i)).append('\n');
      rules.append("    expr: m\n");
      rules.append("    annotations:\n      a: ").append(yaml(cases.get(i).template())).append('\n');
    }
    Files.writeString(dir.resolve("bad.yml"), rules, StandardCharsets.UTF_8);
    String out = run(promtool, "check", "rules", "bad.yml");
    Map<Integer, String> got = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^bad\\.yml: group \"g\", rule \\d+, \"C(\\d+)\": annotation \"a\": (.*)$").matcher(out);
    while (m.find()) {
      got.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    List<String> bad = new ArrayList<>();
    for (int i : idx) {
      if (!expected.get(i).equals(got.get(i))) {
        bad.add("parse case " + i + " " + cases.get(i).template() + "\n  tocsin: " + expected.get(i)
            + "\n  promtool: " + got.get(i));
      }
    }
    return bad;
  }

  private String run(Path promtool, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(promtool.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] bytes = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A YAML double-quoted scalar. */
  static String yaml(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String promQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
