package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.engine.daemon.GroupStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/rules} and {@code /api/v1/alerts}: Prometheus' keys, the filters, paging and bad parameters. */
class RulesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<GroupStatus> GROUPS = Fixtures.evaluated(Fixtures.ruleFile("rules.yml", """
      groups:
        - name: api
          rules:
            - alert: HighErrors
              expr: rate(errors_total[5m]) > 1
              for: 5m
              keep_firing_for: 1m
              labels: {severity: page}
              annotations: {summary: errors}
            - record: job:errors:rate5m
              expr: sum by (job) (rate(errors_total[5m]))
        - name: logs
          type: loki
          rules:
            - alert: ErrorLogs
              expr: sum(count_over_time({app="shop"} |= "error" [5m])) > 0
              labels: {severity: ticket}
        - name: third
          rules:
            - record: x:y
              expr: vector(1)
      """));

  private static JsonNode rules(String query) throws Exception {
    return JSON.readTree(new RulesApi().rules(GROUPS, RulesFilter.from(ApiQuery.parse(query))).toString()).get("data");
  }

  private static List<String> ruleNames(JsonNode data) {
    List<String> out = new ArrayList<>();
    data.get("groups").forEach(g -> g.get("rules").forEach(r -> out.add(r.get("name").asText())));
    return out;
  }

  @Test
  void alertingRulesCarryEveryPrometheusKeyPlusLanguage() throws Exception {
    JsonNode data = rules(null);
    JsonNode group = data.get("groups").get(0);
    assertThat(group.fieldNames()).toIterable()
        .containsExactly("name", "file", "rules", "interval", "limit", "evaluationTime", "lastEvaluation");
    assertThat(group.get("interval").asDouble()).isEqualTo(15);
    assertThat(group.get("lastEvaluation").asText()).isEqualTo("2026-01-02T03:04:05Z");
    JsonNode alerting = group.get("rules").get(0);
    assertThat(alerting.fieldNames()).toIterable().containsExactly("state", "name", "query", "duration",
        "keepFiringFor", "labels", "annotations", "alerts", "health", "evaluationTime", "lastEvaluation", "type",
        "language");
    assertThat(alerting.get("duration").asDouble()).isEqualTo(300);
    assertThat(alerting.get("keepFiringFor").asDouble()).isEqualTo(60);
    assertThat(alerting.get("type").asText()).isEqualTo("alerting");
    assertThat(alerting.get("language").asText()).isEqualTo("promql");
    JsonNode alert = alerting.get("alerts").get(0);
    assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("HighErrors");
    assertThat(alert.get("state").asText()).isEqualTo("firing");
    assertThat(alert.get("activeAt").asText()).isEqualTo("2026-01-02T03:03:05Z");
    assertThat(alert.get("value").asText()).isEqualTo("3e+00");
    JsonNode recording = group.get("rules").get(1);
    assertThat(recording.get("type").asText()).isEqualTo("recording");
    assertThat(recording.get("health").asText()).isEqualTo("err");
    assertThat(recording.get("lastError").asText()).isEqualTo("query failed: <script>");
    assertThat(data.get("groups").get(1).get("rules").get(0).get("language").asText()).isEqualTo("logql");
  }

  @Test
  void filtersByTypeNameGroupFileLanguageAndLabels() throws Exception {
    assertThat(ruleNames(rules("type=alert"))).containsExactly("HighErrors", "ErrorLogs");
    assertThat(ruleNames(rules("type=RECORD"))).containsExactly("job:errors:rate5m", "x:y");
    assertThat(ruleNames(rules("rule_name[]=ErrorLogs&rule_name[]=x:y"))).containsExactly("ErrorLogs", "x:y");
    assertThat(ruleNames(rules("rule_group[]=api"))).containsExactly("HighErrors", "job:errors:rate5m");
    assertThat(ruleNames(rules("file[]=other.yml"))).isEmpty();
    assertThat(ruleNames(rules("file[]=rules.yml&rule_group[]=third"))).containsExactly("x:y");
    assertThat(ruleNames(rules("language=logql"))).containsExactly("ErrorLogs");
    assertThat(ruleNames(rules("match[]=%7Bseverity%3D~%22page%7Cticket%22%7D"))).containsExactly("HighErrors",
        "ErrorLogs");
    assertThat(ruleNames(rules("match[]={severity=\"page\"}&match[]={severity=\"ticket\"}")))
        .containsExactly("HighErrors", "ErrorLogs");
    // A group whose rules are all filtered out is left out, as in Prometheus.
    assertThat(rules("type=alert").get("groups")).hasSize(2);
  }

  @Test
  void excludeAlertsLeavesTheListNull() throws Exception {
    JsonNode rule = rules("exclude_alerts=true").get("groups").get(0).get("rules").get(0);
    assertThat(rule.get("alerts").isNull()).isTrue();
    assertThat(rules("exclude_alerts=0").get("groups").get(0).get("rules").get(0).get("alerts")).hasSize(1);
  }

  @Test
  void pagesGroupsWithNextTokens() throws Exception {
    JsonNode first = rules("group_limit=2");
    assertThat(first.get("groups")).extracting(g -> g.get("name").asText()).containsExactly("api", "logs");
    String token = first.get("groupNextToken").asText();
    assertThat(token).isEqualTo(RulesFilter.token(GROUPS.get(2))).hasSize(40);
    JsonNode second = rules("group_limit=2&group_next_token=" + token);
    assertThat(second.get("groups")).extracting(g -> g.get("name").asText()).containsExactly("third");
    assertThat(second.has("groupNextToken")).isFalse();
  }

  @Test
  void alertsListsEveryActiveAlert() throws Exception {
    JsonNode alerts = JSON.readTree(new RulesApi().alerts(GROUPS).toString()).get("data").get("alerts");
    assertThat(alerts).extracting(a -> a.get("labels").get("alertname").asText())
        .containsExactly("HighErrors", "ErrorLogs");
    assertThat(alerts.get(0).fieldNames()).toIterable()
        .containsExactly("labels", "annotations", "state", "activeAt", "value");
  }

  @Test
  void badParametersAreBadDataInPrometheusWords() {
    assertThatThrownBy(() -> rules("type=alerts")).isInstanceOf(ApiQuery.BadQueryException.class)
        .hasMessage("invalid parameter \"type\": not supported value \"alerts\"");
    assertThatThrownBy(() -> rules("exclude_alerts=yes"))
        .hasMessage("invalid parameter \"exclude_alerts\": strconv.ParseBool: parsing \"yes\": invalid syntax");
    assertThatThrownBy(() -> rules("group_limit=0"))
        .hasMessage("invalid parameter \"group_limit\": group_limit needs to be greater than 0");
    assertThatThrownBy(() -> rules("group_limit=x")).hasMessageContaining("group_limit needs to be a valid number");
    assertThatThrownBy(() -> rules("group_next_token=abc"))
        .hasMessage("invalid parameter \"group_next_token\": group_limit needs to be present in order to paginate"
            + " over the groups");
    assertThatThrownBy(() -> rules("group_limit=1&group_next_token=abc"))
        .hasMessageContaining("invalid group_next_token 'abc'");
    assertThatThrownBy(() -> rules("language=sql")).hasMessageContaining("not supported value \"sql\"");
    assertThatThrownBy(() -> rules("match[]=sum(up)")).hasMessageStartingWith("invalid parameter \"match[]\": ");
    assertThatThrownBy(() -> rules("match[]={job=")).hasMessageStartingWith("invalid parameter \"match[]\": 1:");
    assertThatThrownBy(() -> rules("rule_name[]=%zz"))
        .hasMessage("error parsing form values: invalid URL escape \"%zz\"");
    assertThatThrownBy(() -> rules("type=alert%2")).hasMessage("error parsing form values: invalid URL escape \"%2\"");
    assertThatThrownBy(() -> rules("a=1;b=2")).hasMessageContaining("invalid semicolon separator");
  }

  @Test
  void errorBodyIsPrometheusShaped() throws Exception {
    JsonNode e = JSON.readTree(RulesApi.error("bad_data", "x \"y\""));
    assertThat(e.toString()).isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"x \\\"y\\\"\"}");
  }
}
