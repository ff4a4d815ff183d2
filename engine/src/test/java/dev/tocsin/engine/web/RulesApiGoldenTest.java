package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.daemon.GroupKey;
import dev.tocsin.engine.daemon.GroupStatus;
import dev.tocsin.engine.daemon.RuleStatus;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.model.Labels;
import dev.tocsin.rules.model.RuleFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact bytes of {@code /api/v1/rules} for each filter combination and of {@code
 * /api/v1/alerts}, recorded under {@code golden/web/NAME.json} from the renderer as it was before
 * responses were assembled from cached fragments; run with {@code -Dgolden.update=true} to rewrite.
 * The groups hold non-ASCII and escaped text, several alerts per rule, an alerting rule without
 * alerts, {@code keepFiringSince} and a group not yet evaluated.
 */
class RulesApiGoldenTest {
  private static final Path SOURCE_DIR = Paths.get("src/test/resources/golden/web");
  static final List<GroupStatus> GROUPS = groups();

  /** The fixture groups: Fixtures' evaluated ones, with extra alerts and a never-evaluated group appended. */
  private static List<GroupStatus> groups() {
    RuleFile file = Fixtures.ruleFile("rules.yml", """
        groups:
          - name: api
            rules:
              - alert: HighErrors
                expr: rate(errors_total[5m]) > 1
                for: 5m
                keep_firing_for: 1m
                labels: {severity: page, team: "zürich ✓"}
                annotations: {summary: "errors \\"quoted\\" \\\\ back", runbook: "https://x/?a=1&b=<2>"}
              - record: job:errors:rate5m
                expr: sum by (job) (rate(errors_total[5m]))
              - alert: Quiet
                expr: vector(0) > 1
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
                labels: {emoji: "🚨"}
        """);
    List<GroupStatus> evaluated = Fixtures.evaluated(file);
    List<GroupStatus> out = new ArrayList<>();
    GroupStatus api = evaluated.get(0);
    List<RuleStatus> apiRules = new ArrayList<>(api.rules());
    RuleStatus high = apiRules.get(0);
    Alert second = new Alert(high.alerts().get(0).labels().toBuilder().put("instance", "ä:1\u0001").build(),
        Labels.of("summary", "tab\there, line\nbreak"), 0.1, AlertStatus.PENDING, Fixtures.NOW.minusSeconds(5), null,
        null, null, null, Fixtures.NOW.minusSeconds(2));
    apiRules.set(0, new RuleStatus(high.rule(), high.health(), null, high.lastEvaluation(), high.evaluationTime(),
        List.of(high.alerts().get(0), second), high.state()));
    RuleStatus quiet = apiRules.get(2);
    apiRules.set(2, new RuleStatus(quiet.rule(), RuleHealth.OK, "", quiet.lastEvaluation(), Duration.ofNanos(1234567),
        List.of(), AlertStatus.INACTIVE));
    out.add(new GroupStatus(api.key(), api.group(), api.interval(), api.lastEvaluation(), api.evaluationTime(),
        apiRules));
    out.add(evaluated.get(1));
    out.add(evaluated.get(2));
    RuleFile later = Fixtures.ruleFile("zz/later.yml", """
        groups:
          - name: fresh
            limit: 10
            rules:
              - alert: NotYet
                expr: up == 0
              - record: not:yet
                expr: up
        """);
    List<RuleStatus> unevaluated = new ArrayList<>();
    later.groups().get(0).rules().forEach(r -> unevaluated.add(
        new RuleStatus(r, RuleHealth.UNKNOWN, null, null, Duration.ZERO, List.of(), AlertStatus.INACTIVE)));
    out.add(new GroupStatus(new GroupKey(later.path(), "fresh"), later.groups().get(0), Duration.ofMinutes(1), null,
        Duration.ZERO, unevaluated));
    return List.copyOf(out);
  }

  /** Name and query string of each recorded {@code /api/v1/rules} request; {@code alerts} is {@code /api/v1/alerts}. */
  static Stream<Arguments> cases() {
    String thirdToken = RulesFilter.token(GROUPS.get(2));
    return Stream.of(
        Arguments.of("all", ""),
        Arguments.of("type-alert", "type=alert"),
        Arguments.of("type-record", "type=record"),
        Arguments.of("exclude-alerts", "exclude_alerts=true"),
        Arguments.of("exclude-alerts-type-alert", "exclude_alerts=1&type=alert"),
        Arguments.of("exclude-alerts-false", "exclude_alerts=false"),
        Arguments.of("rule-group", "rule_group[]=api&rule_group[]=fresh"),
        Arguments.of("file-and-group", "file[]=rules.yml&rule_group[]=third"),
        Arguments.of("file-none", "file[]=other.yml"),
        Arguments.of("rule-name", "rule_name[]=HighErrors&rule_name[]=x:y&rule_name[]=NotYet"),
        Arguments.of("match", "match[]=%7Bseverity%3D~%22page%7Cticket%22%7D"),
        Arguments.of("match-and-exclude", "match[]={emoji=\"🚨\"}&match[]={severity=\"page\"}&exclude_alerts=t"),
        Arguments.of("language", "language=logql"),
        Arguments.of("limit-1", "group_limit=1"),
        Arguments.of("limit-2-next", "group_limit=2&group_next_token=" + thirdToken),
        Arguments.of("limit-large", "group_limit=100"),
        Arguments.of("limit-record-exclude", "group_limit=1&type=record&exclude_alerts=1"),
        Arguments.of("limit-group-filter", "group_limit=1&rule_group[]=logs&rule_group[]=fresh"),
        Arguments.of("alerts", null));
  }

  static String render(RulesApi api, List<GroupStatus> groups, String name, String query) throws Exception {
    if (query == null) {
      return api.alerts(groups).toString();
    }
    return api.rules(groups, RulesFilter.from(ApiQuery.parse(query))).toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsRecorded(String name, String query) throws Exception {
    String actual = render(new RulesApi(), GROUPS, name, query);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(SOURCE_DIR);
      Files.writeString(SOURCE_DIR.resolve(name + ".json"), actual, StandardCharsets.UTF_8);
      return;
    }
    Path expected = goldenDir().resolve(name + ".json");
    assertThat(Files.exists(expected)).as("missing %s.json (run with -Dgolden.update=true)", name).isTrue();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static Path goldenDir() throws URISyntaxException {
    return Paths.get(RulesApiGoldenTest.class.getResource("/golden/web").toURI());
  }
}
