package dev.tocsin.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Severity;
import dev.tocsin.notifier.route.GroupBy;
import dev.tocsin.notifier.route.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationConfigLoaderTest {
  private static final String REALISTIC = """
      global:
        resolve_timeout: 2m
        smtp_smarthost: 'mail.example.org:587'
        smtp_from: 'alertmanager@example.org'
        smtp_require_tls: false
        http_config:
          follow_redirects: true
      templates:
        - 'templates/*.tmpl'
      route:
        receiver: console
        group_by: [alertname, cluster]
        group_wait: 10s
        routes:
          - matchers: ['severity="critical"', 'team=~"db|web"']
            receiver: pager
            group_interval: 1m
            continue: true
            routes:
              - match: {service: mysql}
                group_by: ['...']
          - match_re: {severity: 'warn.*'}
            receiver: chat
            repeat_interval: 12h
      inhibit_rules:
        - source_matchers: [severity="critical"]
          target_matchers: [severity="warning"]
          equal: [alertname, cluster]
      time_intervals:
        - name: offhours
          time_intervals:
            - times: [{start_time: '18:00', end_time: '24:00'}]
              weekdays: ['monday:friday']
      receivers:
        - name: console
          log_configs: [{}]
        - name: pager
          log_configs:
            - send_resolved: false
          webhook_configs:
            - url: http://hooks.example/alert
          email_configs:
            - to: oncall@example.org
        - name: chat
          slack_configs:
            - channel: '#alerts'
              api_url: https://hooks.slack.example/x
      """;

  private static NotificationConfigResult load(String yaml) {
    return new NotificationConfigLoader().load("am.yml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("/etc/tocsin"));
  }

  private static List<String> formatted(NotificationConfigResult r) {
    return r.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void loadsRealisticFileWithInheritedRouteSettings() {
    NotificationConfigResult r = load(REALISTIC);
    assertThat(r.hasErrors()).as(formatted(r).toString()).isFalse();
    NotificationConfig c = r.config();
    assertThat(c.global().resolveTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.global().smtp()).containsEntry("smtp_smarthost", "mail.example.org:587")
        .containsEntry("smtp_require_tls", "false").containsEntry("smtp_hello", "localhost");
    assertThat(c.templates()).containsExactly(Path.of("/etc/tocsin/templates/*.tmpl"));

    Route root = c.route();
    assertThat(root.key()).isEqualTo("{}");
    assertThat(root.groupBy()).isEqualTo(new GroupBy(false, List.of("alertname", "cluster")));
    assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(root.groupInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));

    Route critical = root.routes().get(0);
    assertThat(critical.key()).isEqualTo("{}/{severity=\"critical\",team=~\"db|web\"}");
    assertThat(critical.receiver()).isEqualTo("pager");
    assertThat(critical.continueMatching()).isTrue();
    assertThat(critical.groupWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(critical.groupInterval()).isEqualTo(Duration.ofMinutes(1));

    Route mysql = critical.routes().get(0);
    assertThat(mysql.receiver()).as("inherited").isEqualTo("pager");
    assertThat(mysql.groupBy()).isEqualTo(GroupBy.ALL);
    assertThat(mysql.groupInterval()).as("inherited from its parent, not the root").isEqualTo(Duration.ofMinutes(1));
    assertThat(mysql.continueMatching()).as("continue is not inherited").isFalse();
    assertThat(mysql.key()).isEqualTo("{}/{severity=\"critical\",team=~\"db|web\"}/{service=\"mysql\"}");

    Route warn = root.routes().get(1);
    assertThat(warn.repeatInterval()).isEqualTo(Duration.ofHours(12));
    assertThat(warn.groupBy().labels()).containsExactly("alertname", "cluster");
    assertThat(List.of(root.index(), critical.index(), mysql.index(), warn.index())).containsExactly(0, 1, 2, 3);

    List<IntegrationConfig> pager = c.receiver("pager").orElseThrow().integrations();
    assertThat(pager).hasSize(3);
    assertThat(pager.get(0)).isEqualTo(new LogConfig(false));
    assertThat(pager.get(1))
        .isEqualTo(new WebhookConfig(true, "http://hooks.example/alert", null, 0, Duration.ZERO, HttpSettings.DEFAULT));
    EmailConfig email = (EmailConfig) pager.get(2);
    assertThat(List.of(email.to(), email.from(), email.host(), email.port(), email.requireTls(), email.sendResolved()))
        .as("global smtp_* values fill what the entry leaves unset")
        .containsExactly("oncall@example.org", "alertmanager@example.org", "mail.example.org", 587, false, false);
    assertThat(c.receiver("console").orElseThrow().integrations()).containsExactly(new LogConfig(true));
    assertThat(c.inhibitRules()).hasSize(1);
    assertThat(c.inhibitRules().get(0).equal()).containsExactly("alertname", "cluster");
    assertThat(c.timeIntervals().keySet()).containsExactly("offhours");
  }

  @Test
  void warnsAboutReceiverTypesTocsinDoesNotDeliver() {
    NotificationConfigResult r = load(REALISTIC);
    assertThat(r.warnings().stream().map(Diagnostic::format)).containsExactly(
        "am.yml: 45:5: receiver chat: slack_configs not delivered by Tocsin");
    assertThat(r.config().receiver("chat").orElseThrow().undeliveredTypes()).containsExactly("slack_configs");
  }

  @Test
  void unknownKeysAreErrorsWithPositions() {
    NotificationConfigResult r = load("""
        route:
          receiver: a
          group_wiat: 1m
        receivers:
          - name: a
            log_configs: [{verbose: true}]
        extra: 1
        """);
    assertThat(r.config()).isNull();
    assertThat(formatted(r)).containsExactly(
        "am.yml: 3:3: field group_wiat not found in type config.Route",
        "am.yml: 6:20: field verbose not found in type config.LogConfig",
        "am.yml: 7:1: field extra not found in type config.Config");
  }

  @Test
  void reportsUndefinedReceiverDuplicateNamesAndRootRouteProblems() {
    NotificationConfigResult r = load("""
        route:
          receiver: a
          continue: true
          matchers: [x="y"]
          routes:
            - receiver: nobody
        receivers:
          - name: a
          - name: a
          - log_configs: [{}]
        """);
    assertThat(formatted(r)).containsExactly(
        "am.yml: 3:3: cannot have continue in root route",
        "am.yml: 4:3: root route must not have any matchers",
        "am.yml: 6:17: undefined receiver \"nobody\" used in route",
        "am.yml: 9:11: notification config name \"a\" is not unique",
        "am.yml: 10:5: missing name in receiver");
  }

  @Test
  void reportsBadDurationsZeroIntervalsAndBadGroupBy() {
    NotificationConfigResult r = load("""
        global: {resolve_timeout: 5 minutes}
        route:
          receiver: a
          group_wait: 1x
          group_interval: 0s
          group_by: [alertname, alertname, 'bad-name']
          routes:
            - group_by: ['...', job]
        receivers: [{name: a}]
        """);
    assertThat(formatted(r)).containsExactly(
        "am.yml: 1:27: not a valid duration string: \"5 minutes\"",
        "am.yml: 4:15: not a valid duration string: \"1x\"",
        "am.yml: 5:19: group_interval cannot be zero",
        "am.yml: 6:25: duplicated label \"alertname\" in group_by",
        "am.yml: 6:36: invalid label name \"bad-name\" in group_by list",
        "am.yml: 8:17: cannot have wildcard group_by (`...`) and other labels at the same time");
  }

  @Test
  void reportsBadMatchersAtTheOffendingCharacter() {
    NotificationConfigResult r = load("""
        route:
          receiver: a
          routes:
            - matchers: ['severity="critical"', 'team=~"(db"']
            - matchers:
                - foo="x" bar
            - match_re: {env: '[prod'}
            - match: {'bad-label': x}
        receivers: [{name: a}]
        """);
    assertThat(formatted(r)).containsExactly(
        "am.yml: 4:48: error parsing regexp: missing closing ): `(db`",
        "am.yml: 6:17: matcher value contains unescaped double quote: \"x\" bar",
        "am.yml: 7:23: error parsing regexp: missing closing ]: `[prod`",
        "am.yml: 8:15: invalid label name \"bad-label\"");
  }

  @Test
  void missingRouteAndUndefinedTimeIntervalAreErrors() {
    assertThat(formatted(load("receivers: [{name: a}]\n"))).containsExactly("am.yml: no route provided in config");
    assertThat(formatted(load("""
        route:
          receiver: a
          routes: [{mute_time_intervals: [weekend]}]
        receivers: [{name: a}]
        time_intervals: [{name: offhours}, {name: offhours}]
        """))).containsExactly(
        "am.yml: 3:35: undefined time interval \"weekend\" used in route",
        "am.yml: 5:43: time interval \"offhours\" is not unique");
  }

  @Test
  void yamlSyntaxErrorsAndMissingFilesAreDiagnostics() {
    NotificationConfigResult r = load("route: [\n");
    assertThat(r.config()).isNull();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.position()).isNotNull();
    });
    NotificationConfigResult missing = new NotificationConfigLoader().load(Path.of("/nonexistent/am.yml"));
    assertThat(formatted(missing)).containsExactly(
        "/nonexistent/am.yml: open /nonexistent/am.yml: no such file or directory");
  }

  @Test
  void readsWebhookConfigsWithDefaultsAndGlobalHttpConfig() {
    NotificationConfigResult r = load("""
        global:
          http_config: {basic_auth: {username: u, password: p}}
        route: {receiver: hook}
        receivers:
          - name: hook
            webhook_configs:
              - url: https://hooks.example/a
                max_alerts: 3
                send_resolved: false
                timeout: 5s
              - url_file: secret/url
                http_config: {authorization: {credentials: tok}, tls_config: {insecure_skip_verify: true}}
        """);
    assertThat(r.diagnostics()).isEmpty();
    List<IntegrationConfig> hooks = r.config().receiver("hook").orElseThrow().integrations();
    WebhookConfig a = (WebhookConfig) hooks.get(0);
    assertThat(a.maxAlerts()).isEqualTo(3);
    assertThat(a.sendResolved()).isFalse();
    assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(a.http().basicAuth()).isEqualTo(new HttpSettings.BasicAuth("u", "p", null));
    WebhookConfig b = (WebhookConfig) hooks.get(1);
    assertThat(b.urlFile()).isEqualTo(Path.of("/etc/tocsin/secret/url"));
    assertThat(b.http().basicAuth()).as("its own http_config replaces the global one").isNull();
    assertThat(b.http().authorization()).isEqualTo(new HttpSettings.Authorization("Bearer", "tok", null));
    assertThat(b.http().tls().insecureSkipVerify()).isTrue();
  }

  @Test
  void reportsBadWebhookConfigs() {
    NotificationConfigResult r = load("""
        route: {receiver: hook}
        receivers:
          - name: hook
            webhook_configs:
              - send_resolved: true
              - {url: "http://a", url_file: f}
              - url: ftp://x
              - {url: "http://a", max_alerts: -1}
              - {url: "http://a", http_config: {oauth2: {}}}
        """);
    assertThat(r.diagnostics().stream().map(Diagnostic::format)).containsExactly(
        "am.yml: 5:9: one of url or url_file must be configured",
        "am.yml: 6:9: at most one of url & url_file must be configured",
        "am.yml: 7:14: unsupported scheme or missing host in URL \"ftp://x\"",
        "am.yml: 8:39: cannot unmarshal !!int `-1` into uint64",
        "am.yml: 9:41: field oauth2 is not supported by Tocsin");
  }

  @Test
  void readsAndChecksTimeIntervals() {
    NotificationConfigResult r = load("""
        route:
          receiver: r
          routes: [{receiver: r, mute_time_intervals: [nights], active_time_intervals: [bad]}]
        receivers: [{name: r}]
        time_intervals:
          - name: nights
            time_intervals:
              - times: [{start_time: "22:00", end_time: "24:00"}]
                weekdays: ["monday:friday", sunday]
                days_of_month: ["1:5", "-3:-1"]
                months: ["january:march", "12"]
                years: ["2026"]
                location: Europe/Paris
          - name: bad
            time_intervals:
              - times: [{start_time: "10:00", end_time: "09:00"}, {start_time: "9", end_time: "10:00"}]
                weekdays: [funday]
                days_of_month: ["0", "5:2"]
                months: [smarch]
                location: Mars/Olympus
        """);
    assertThat(r.diagnostics().stream().map(Diagnostic::format)).containsExactly(
        "am.yml: 16:17: start time cannot be equal or greater than end time",
        "am.yml: 16:72: couldn't parse timestamp 9, invalid format",
        "am.yml: 17:20: funday is not a valid weekday",
        "am.yml: 18:25: 0 is not a valid day of month",
        "am.yml: 18:30: start day of month cannot be after end day of month in 5:2",
        "am.yml: 19:18: smarch is not a valid month",
        "am.yml: 20:19: unknown time zone Mars/Olympus");
  }

  @Test
  void exampleRoutesCriticalToWebhookAndEmailAndWarningToWebhook() {
    NotificationConfigResult r = new NotificationConfigLoader().load(Path.of("../examples/alertmanager.yml"));
    assertThat(r.hasErrors()).as("%s", r.diagnostics()).isFalse();
    Route root = r.config().route();
    assertThat(root.match(dev.tocsin.model.Labels.of("alertname", "X", "severity", "critical")))
        .extracting(Route::receiver).containsExactly("oncall");
    assertThat(root.match(dev.tocsin.model.Labels.of("alertname", "X", "severity", "warning")))
        .extracting(Route::receiver).containsExactly("team-webhook");
    assertThat(r.config().receiver("oncall").orElseThrow().integrations())
        .hasExactlyElementsOfTypes(WebhookConfig.class, EmailConfig.class);
  }
}
