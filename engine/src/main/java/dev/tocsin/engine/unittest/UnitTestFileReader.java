package dev.tocsin.engine.unittest;

import dev.tocsin.engine.unittest.UnitTestFile.AlertTest;
import dev.tocsin.engine.unittest.UnitTestFile.ExpectedAlert;
import dev.tocsin.engine.unittest.UnitTestFile.ExpectedSample;
import dev.tocsin.engine.unittest.UnitTestFile.ExprTest;
import dev.tocsin.engine.unittest.UnitTestFile.InputSeries;
import dev.tocsin.engine.unittest.UnitTestFile.TestGroup;
import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import dev.tocsin.model.yaml.YamlLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads a unit-test file as promtool does (strict: unknown fields are errors, with promtool's Go
 * type names), keeping positions for error messages.
 */
public final class UnitTestFileReader {
  private static final Set<String> FILE = Set.of("rule_files", "evaluation_interval", "group_eval_order",
      "fuzzy_compare", "tests");
  private static final Set<String> GROUP = Set.of("name", "interval", "input_series", "alert_rule_test",
      "promql_expr_test", "external_labels", "external_url", "start_timestamp", "input_streams", "logql_expr_test");
  private static final Set<String> STREAM = Set.of("stream", "lines");
  private static final Set<String> SERIES = Set.of("series", "values");
  private static final Set<String> ALERT_TEST = Set.of("eval_time", "alertname", "exp_alerts", "annotations_match");
  private static final Set<String> ALERT = Set.of("exp_labels", "exp_annotations");
  private static final Set<String> EXPR_TEST = Set.of("expr", "eval_time", "exp_samples");
  private static final Set<String> SAMPLE = Set.of("labels", "value", "histogram");

  /** The file read, or the errors that kept it from being read. */
  public record Result(UnitTestFile file, List<Diagnostic> errors) {}

  private UnitTestFileReader() {}

  /** Reads a test file's bytes. */
  public static Result read(String name, byte[] bytes) {
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, YamlLimits.DEFAULT);
    } catch (YamlException e) {
      return new Result(null, List.of(Diagnostic.error("yaml/syntax", name, e.position(), e.getMessage())));
    }
    NodeReader r = new NodeReader(doc, name);
    Map<String, NodeTuple> f = r.mapping(doc.root(), "main.unitTestFile", FILE, false);
    List<String> ruleFiles = strings(r, f.get("rule_files"));
    Duration interval = duration(r, f.get("evaluation_interval"));
    if (interval == null || interval.isZero()) {
      interval = Duration.ofMinutes(1);
    }
    List<String> order = strings(r, f.get("group_eval_order"));
    boolean fuzzy = f.containsKey("fuzzy_compare") && "true".equals(r.string(f.get("fuzzy_compare").getValueNode()));
    List<TestGroup> groups = new ArrayList<>();
    if (f.containsKey("tests")) {
      for (Node g : r.sequence(f.get("tests").getValueNode(), "[]main.testGroup")) {
        groups.add(group(r, g, interval));
      }
    }
    if (!r.errors().isEmpty()) {
      return new Result(null, r.errors());
    }
    return new Result(new UnitTestFile(ruleFiles, interval, order, fuzzy, groups), List.of());
  }

  private static TestGroup group(NodeReader r, Node node, Duration evaluationInterval) {
    Map<String, NodeTuple> f = r.mapping(node, "main.testGroup", GROUP, false);
    Duration interval = duration(r, f.get("interval"));
    // Since Prometheus 2.49 the input interval defaults to the evaluation interval.
    if (interval == null || interval.isZero()) {
      interval = evaluationInterval;
    }
    List<InputSeries> series = new ArrayList<>();
    for (Node s : list(r, f.get("input_series"), "[]main.series")) {
      Map<String, NodeTuple> sf = r.mapping(s, "main.series", SERIES, false);
      series.add(new InputSeries(string(r, sf.get("series")), string(r, sf.get("values")), r.position(s)));
    }
    List<UnitTestFile.InputStream> streams = new ArrayList<>();
    for (Node s : list(r, f.get("input_streams"), "[]stream")) {
      Map<String, NodeTuple> sf = r.mapping(s, "stream", STREAM, false);
      streams.add(new UnitTestFile.InputStream(string(r, sf.get("stream")), strings(r, sf.get("lines")), r.position(s)));
    }
    List<AlertTest> alerts = new ArrayList<>();
    for (Node a : list(r, f.get("alert_rule_test"), "[]main.alertTestCase")) {
      Map<String, NodeTuple> af = r.mapping(a, "main.alertTestCase", ALERT_TEST, false);
      List<ExpectedAlert> exp = new ArrayList<>();
      for (Node e : list(r, af.get("exp_alerts"), "[]main.alert")) {
        Map<String, NodeTuple> ef = r.mapping(e, "main.alert", ALERT, false);
        exp.add(new ExpectedAlert(labels(r, ef.get("exp_labels")), labels(r, ef.get("exp_annotations"))));
      }
      Duration t = duration(r, af.get("eval_time"));
      String match = string(r, af.get("annotations_match"));
      if (!match.isEmpty() && !match.equals("exact") && !match.equals("subset")) {
        r.error("unittest/annotations-match", af.get("annotations_match").getValueNode(),
            "annotations_match must be exact or subset, got \"" + match + "\"");
      }
      alerts.add(new AlertTest(t == null ? Duration.ZERO : t, string(r, af.get("alertname")), exp,
          match.equals("subset"), r.position(a)));
    }
    List<ExprTest> exprs = exprTests(r, f.get("promql_expr_test"), "[]main.promqlTestCase", "main.promqlTestCase");
    List<ExprTest> logql = exprTests(r, f.get("logql_expr_test"), "[]logqlTestCase", "logqlTestCase");
    Instant start = StartTimes.read(r, f.get("start_timestamp"), Instant.EPOCH);
    return new TestGroup(string(r, f.get("name")), interval, series, streams, alerts, exprs, logql,
        labels(r, f.get("external_labels")),
        string(r, f.get("external_url")), start);
  }

  private static List<ExprTest> exprTests(NodeReader r, NodeTuple field, String listType, String itemType) {
    List<ExprTest> exprs = new ArrayList<>();
    for (Node x : list(r, field, listType)) {
      Map<String, NodeTuple> xf = r.mapping(x, itemType, EXPR_TEST, false);
      List<ExpectedSample> exp = new ArrayList<>();
      for (Node s : list(r, xf.get("exp_samples"), "[]main.sample")) {
        Map<String, NodeTuple> sf = r.mapping(s, "main.sample", SAMPLE, false);
        if (sf.containsKey("histogram") && !string(r, sf.get("histogram")).isEmpty()) {
          r.error("unittest/histogram", sf.get("histogram").getValueNode(),
              "native histograms are not supported: " + string(r, sf.get("histogram")));
        }
        exp.add(new ExpectedSample(string(r, sf.get("labels")), number(r, sf.get("value"))));
      }
      Duration t = duration(r, xf.get("eval_time"));
      exprs.add(new ExprTest(string(r, xf.get("expr")), t == null ? Duration.ZERO : t, exp, r.position(x)));
    }
    return exprs;
  }

  private static List<Node> list(NodeReader r, NodeTuple t, String goType) {
    return t == null ? List.of() : r.sequence(t.getValueNode(), goType);
  }

  private static List<String> strings(NodeReader r, NodeTuple t) {
    List<String> out = new ArrayList<>();
    for (Node n : list(r, t, "[]string")) {
      String s = r.string(n);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static String string(NodeReader r, NodeTuple t) {
    if (t == null) {
      return "";
    }
    String s = r.string(t.getValueNode());
    return s == null ? "" : s;
  }

  private static Duration duration(NodeReader r, NodeTuple t) {
    return t == null ? null : r.duration(t.getValueNode());
  }

  private static double number(NodeReader r, NodeTuple t) {
    String s = string(r, t).trim();
    if (s.isEmpty()) {
      return 0;
    }
    switch (s) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf", "-.Inf", "-.INF" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan", ".NaN", ".NAN" -> {
        return Double.NaN;
      }
      default -> { }
    }
    try {
      return Double.parseDouble(s.replace("_", ""));
    } catch (NumberFormatException e) {
      r.error("yaml/type", t.getValueNode(), "cannot unmarshal !!str `" + s + "` into float64");
      return 0;
    }
  }

  private static Labels labels(NodeReader r, NodeTuple t) {
    if (t == null) {
      return Labels.EMPTY;
    }
    Labels.Builder b = Labels.builder();
    for (Map.Entry<String, NodeTuple> e : r.stringMap(t.getValueNode(), "map[string]string").entrySet()) {
      b.put(e.getKey(), r.string(e.getValue().getValueNode()));
    }
    return b.build();
  }
}
