package dev.tocsin.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupEvaluatorTest {
  /** A datasource whose answers the test sets per expression; unknown expressions fail. */
  private static final class ScriptedClient implements QueryClient {
    final Map<String, QueryResult> answers = new HashMap<>();
    final List<Instant> queriedAt = new ArrayList<>();

    @Override
    public QueryResult instantQuery(String expr, Instant time) {
      queriedAt.add(time);
      QueryResult r = answers.get(expr);
      if (r == null) {
        throw new QueryException(QueryException.ErrorType.EXECUTION, "no answer for " + expr);
      }
      return r;
    }

    @Override
    public QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
      throw new UnsupportedOperationException();
    }
  }

  private record Appended(Labels labels, long t, double v) {}

  private final ScriptedClient prom = new ScriptedClient();
  private final List<Appended> appended = new ArrayList<>();

  private GroupEvaluator evaluator(String yaml, Duration queryOffset) {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load("t.yml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    RuleGroup g = r.file().groups().get(0);
    EvaluationSettings s = new EvaluationSettings(Duration.ofMinutes(1), queryOffset, Duration.ofMinutes(1),
        Labels.EMPTY, "http://tocsin:9097", "http://prom:9090");
    TemplateExpander echo = (alert, text, labels, value, ts) -> text.replace("{{ $value }}", String.valueOf(value));
    return new GroupEvaluator(g, Map.of(QueryLanguage.PROMQL, prom), s,
        (l, t, v) -> appended.add(new Appended(l, t, v)), echo, () -> 0L);
  }

  private static Vector vector(Sample... s) {
    return new Vector(List.of(s));
  }

  private static Sample sample(double v, String... labels) {
    return new Sample(Labels.of(labels), 0, v);
  }

  @Test
  void recordingRuleRenamesAndRelabelsAndLaterRulesRunInOrder() {
    GroupEvaluator e = evaluator("""
        groups:
        - name: g
          rules:
          - record: job:up:sum
            expr: sum by (job) (up)
            labels: {env: prod, job: ""}
        """, Duration.ZERO);
    prom.answers.put("sum by (job) (up)", vector(sample(3, "job", "api")));
    GroupEvaluation ev = e.evaluate(Instant.ofEpochSecond(60));
    assertThat(ev.rules()).singleElement().satisfies(o -> assertThat(o.health()).isEqualTo(RuleHealth.OK));
    assertThat(appended).containsExactly(new Appended(Labels.of("__name__", "job:up:sum", "env", "prod"), 60_000, 3));
  }

  @Test
  void queriesAndStampsSamplesAtTheQueryOffset() {
    GroupEvaluator e = evaluator("groups:\n- name: g\n  rules:\n  - record: r\n    expr: up\n", Duration.ofSeconds(30));
    prom.answers.put("up", vector(sample(1, "__name__", "up", "i", "a")));
    e.evaluate(Instant.ofEpochSecond(120));
    assertThat(prom.queriedAt).containsExactly(Instant.ofEpochSecond(90));
    assertThat(appended).singleElement().satisfies(a -> assertThat(a.t()).isEqualTo(90_000));
  }

  @Test
  void vanishedSeriesGetStaleMarkers() {
    GroupEvaluator e = evaluator("groups:\n- name: g\n  rules:\n  - record: r\n    expr: up\n", Duration.ZERO);
    prom.answers.put("up", vector(sample(1, "i", "a"), sample(1, "i", "b")));
    e.evaluate(Instant.ofEpochSecond(60));
    prom.answers.put("up", vector(sample(1, "i", "a")));
    appended.clear();
    e.evaluate(Instant.ofEpochSecond(120));
    assertThat(appended).hasSize(2);
    assertThat((Object) appended.get(1).labels()).isEqualTo(Labels.of("__name__", "r", "i", "b"));
    assertThat(Staleness.isStale(appended.get(1).v())).isTrue();
  }

  @Test
  void duplicateLabelSetsAfterRuleLabelsFailTheRule() {
    GroupEvaluator e = evaluator(
        "groups:\n- name: g\n  rules:\n  - record: r\n    expr: up\n    labels: {i: same}\n", Duration.ZERO);
    prom.answers.put("up", vector(sample(1, "i", "a"), sample(1, "i", "b")));
    RuleOutcome o = e.evaluate(Instant.ofEpochSecond(60)).rules().get(0);
    assertThat(o.health()).isEqualTo(RuleHealth.ERR);
    assertThat(o.lastError()).isEqualTo("vector contains metrics with the same labelset after applying rule labels");
    assertThat(appended).isEmpty();
  }

  @Test
  void alertingRuleBuildsLabelsSendsAndWritesAlertsSeries() {
    GroupEvaluator e = evaluator("""
        groups:
        - name: g
          labels: {team: a, severity: low}
          rules:
          - alert: Down
            expr: up == 0
            labels: {severity: page}
            annotations: {summary: "value {{ $value }}"}
        """, Duration.ZERO);
    prom.answers.put("up == 0", vector(sample(0, "__name__", "up", "instance", "x")));
    GroupEvaluation ev = e.evaluate(Instant.ofEpochSecond(60));
    Labels expected = Labels.of("alertname", "Down", "instance", "x", "severity", "page", "team", "a");
    assertThat(ev.notifications()).singleElement().satisfies(n -> {
      assertThat((Object) n.alert().labels()).isEqualTo(expected);
      assertThat(n.alert().annotations().get("summary")).isEqualTo("value 0.0");
      assertThat(n.generatorUrl()).isEqualTo("http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1");
    });
    assertThat(appended).extracting(Appended::labels).containsExactly(
        expected.toBuilder().put("__name__", "ALERTS").put("alertstate", "firing").build(),
        expected.toBuilder().put("__name__", "ALERTS_FOR_STATE").build());
    assertThat(appended.get(1).v()).isEqualTo(60);
  }

  @Test
  void queryErrorLeavesAlertStateUntouched() {
    GroupEvaluator e = evaluator(
        "groups:\n- name: g\n  rules:\n  - alert: Down\n    expr: up == 0\n    for: 5m\n", Duration.ZERO);
    prom.answers.put("up == 0", vector(sample(0, "instance", "x")));
    e.evaluate(Instant.ofEpochSecond(0));
    prom.answers.clear();
    GroupEvaluation failed = e.evaluate(Instant.ofEpochSecond(60));
    assertThat(failed.rules().get(0).health()).isEqualTo(RuleHealth.ERR);
    assertThat(failed.rules().get(0).lastError()).isEqualTo("no answer for up == 0");
    assertThat(e.alertState(0).alerts()).singleElement()
        .satisfies(a -> assertThat(a.activeAt()).isEqualTo(Instant.EPOCH));
  }

  @Test
  void nonVectorResultIsAnError() {
    GroupEvaluator e = evaluator("groups:\n- name: g\n  rules:\n  - record: r\n    expr: up\n", Duration.ZERO);
    prom.answers.put("up", new StringResult(0, "x"));
    assertThat(e.evaluate(Instant.EPOCH).rules().get(0).lastError()).isEqualTo("rule result is not a vector or scalar");
  }

  @Test
  void logqlGeneratorLinksOpenGrafanaExploreOrTocsinsOwnPage() {
    String yaml = "groups:\n- name: logs\n  rules:\n  - alert: Errors\n    expr: 'sum(count_over_time({app=\"x\"} |= \"error\" [5m])) > 0'\n";
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load("t.yml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    RuleGroup g = r.file().groups().get(0);
    ScriptedClient loki = new ScriptedClient();
    loki.answers.put(g.rules().get(0).query().text(), vector(sample(3)));
    TemplateExpander none = (alert, text, labels, value, ts) -> text;
    EvaluationSettings own = new EvaluationSettings(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(1),
        Labels.EMPTY, "http://tocsin:9097", "http://prom:9090");
    GroupEvaluator e = new GroupEvaluator(g, Map.of(QueryLanguage.LOGQL, loki), own, (l, t, v) -> {}, none, () -> 0L);
    assertThat(e.evaluate(Instant.ofEpochSecond(60)).notifications().get(0).generatorUrl())
        .isEqualTo("http://tocsin:9097/rules?group=logs&rule=Errors");
    EvaluationSettings grafana = new EvaluationSettings(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(1),
        Labels.EMPTY, "http://tocsin:9097", "http://prom:9090", "http://grafana:3000");
    e = new GroupEvaluator(g, Map.of(QueryLanguage.LOGQL, loki), grafana, (l, t, v) -> {}, none, () -> 0L);
    String url = e.evaluate(Instant.ofEpochSecond(60)).notifications().get(0).generatorUrl();
    assertThat(url).startsWith("http://grafana:3000/explore?left=");
    assertThat(java.net.URLDecoder.decode(url.substring(url.indexOf('=') + 1), StandardCharsets.UTF_8))
        .isEqualTo("{\"queries\":[{\"refId\":\"A\",\"expr\":\"sum(count_over_time({app=\\\"x\\\"} |= \\\"error\\\" [5m])) > 0\"}],"
            + "\"range\":{\"from\":\"now-1h\",\"to\":\"now\"}}");
  }
}
