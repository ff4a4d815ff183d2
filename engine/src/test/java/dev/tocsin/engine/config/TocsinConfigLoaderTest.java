package dev.tocsin.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.promql.http.HttpClientConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TocsinConfigLoaderTest {
  @TempDir Path dir;

  private final TocsinConfigLoader loader = new TocsinConfigLoader();

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private TocsinConfig ok(String yaml) throws IOException {
    ConfigLoadResult r = loader.load(write("tocsin.yml", yaml));
    assertThat(r.errors()).isEmpty();
    return r.config();
  }

  /** The errors as "L:C: message" lines. */
  private List<String> errors(String yaml) throws IOException {
    ConfigLoadResult r = loader.load(write("tocsin.yml", yaml));
    assertThat(r.config()).isNull();
    return r.errors().stream().map(d -> (d.position() == null ? "" : d.position() + ": ") + d.message()).toList();
  }

  // --- defaults and valid files ---

  @Test
  void emptyFileIsValidWithPrometheusDefaults() throws IOException {
    TocsinConfig c = ok("");
    assertThat(c.global().evaluationInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.global().ruleQueryOffset()).isZero();
    assertThat((Object) c.global().externalLabels()).isEqualTo(Labels.EMPTY);
    assertThat(c.global().externalUrl()).isNull();
    assertThat(c.global().evaluationWorkers()).isEqualTo(GlobalConfig.DEFAULT_EVALUATION_WORKERS);
    assertThat(c.ruleFiles()).isEmpty();
    assertThat(c.datasources().prometheus()).isNull();
    assertThat(c.datasources().loki()).isNull();
    assertThat(c.alerting().alertmanagers()).isEmpty();
    assertThat(c.alerting().resendDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.notifications()).isNull();
    assertThat(c.state().directory()).isNull();
    assertThat(c.state().outageTolerance()).isEqualTo(Duration.ofHours(1));
    assertThat(c.file()).isEqualTo(dir.resolve("tocsin.yml"));
  }

  @Test
  void commentsOnlyAndEmptySectionsAreDefaults() throws IOException {
    TocsinConfig c = ok("# nothing yet\nglobal:\nalerting:\nstate:\n");
    assertThat(c.global().evaluationInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.state().outageTolerance()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void datasourceDefaults() throws IOException {
    TocsinConfig c = ok("datasources:\n  prometheus:\n    url: http://localhost:9090\n");
    HttpDatasourceConfig p = (HttpDatasourceConfig) c.datasources().prometheus();
    assertThat(p.url()).isEqualTo("http://localhost:9090");
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.tenantId()).isNull();
    assertThat(p.externalUrl()).isEqualTo("http://localhost:9090");
    assertThat(p.grafanaUrl()).isNull();
    assertThat(p.http()).isEqualTo(HttpClientConfig.DEFAULT);
  }

  @Test
  void fullRealisticConfig() throws IOException {
    write("rules/p1b_alerts.yml", "groups: []\n");
    write("rules/logs.yml", "groups: []\n");
    write("alertmanager.yml", "route: {receiver: log}\n");
    write("secrets/am-password", "s3cret\n");
    write("secrets/token", "tok\n");
    write("tls/ca.pem", "ca");
    write("tls/client.pem", "cert");
    write("tls/client.key", "key");
    TocsinConfig c = ok("""
        global:
          evaluation_interval: 15s
          rule_query_offset: 30s
          external_labels: {cluster: prod, region: eu}
          external_url: http://tocsin.example:9097
          evaluation_workers: 8
        rule_files:
          - rules/*.yml
        datasources:
          prometheus:
            url: https://prometheus.example:9090
            timeout: 20s
            tenant_id: acme
            external_url: https://prom-ui.example
            authorization:
              credentials_file: secrets/token
            tls_config:
              ca_file: tls/ca.pem
              cert_file: tls/client.pem
              key_file: tls/client.key
              server_name: prometheus.internal
              min_version: TLS12
            http_headers:
              X-Team:
                values: [sre]
                secrets: [hush]
            follow_redirects: false
            enable_http2: false
            proxy_url: http://proxy.example:3128
          loki:
            url: http://loki:3100
            tenant_id: acme
            grafana_url: https://grafana.example
        alerting:
          alertmanagers:
            - url: http://am1:9093
            - url: https://am2.example
              path_prefix: /alertmanager
              timeout: 5s
              basic_auth: {username: tocsin, password_file: secrets/am-password}
          resend_delay: 2m
        notifications: {config_file: alertmanager.yml}
        state: {directory: data/, outage_tolerance: 2h}
        """);
    assertThat(c.global()).isEqualTo(new GlobalConfig(Duration.ofSeconds(15), Duration.ofSeconds(30),
        Labels.of("cluster", "prod", "region", "eu"), "http://tocsin.example:9097", 8));
    assertThat(c.ruleFiles()).containsExactly(dir.resolve("rules/logs.yml"), dir.resolve("rules/p1b_alerts.yml"));
    HttpDatasourceConfig p = (HttpDatasourceConfig) c.datasources().prometheus();
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.tenantId()).isEqualTo("acme");
    assertThat(p.externalUrl()).isEqualTo("https://prom-ui.example");
    assertThat(p.http().authorization())
        .isEqualTo(new HttpClientConfig.Authorization("Bearer", null, dir.resolve("secrets/token")));
    assertThat(p.http().tlsConfig()).isEqualTo(new HttpClientConfig.TlsConfig(dir.resolve("tls/ca.pem"),
        dir.resolve("tls/client.pem"), dir.resolve("tls/client.key"), "prometheus.internal", false, "TLS12"));
    assertThat(p.http().httpHeaders())
        .isEqualTo(Map.of("X-Team", new HttpClientConfig.Header(List.of("sre"), List.of("hush"), List.of())));
    assertThat(p.http().followRedirects()).isFalse();
    assertThat(p.http().enableHttp2()).isFalse();
    assertThat(p.http().proxyUrl()).isEqualTo("http://proxy.example:3128");
    HttpDatasourceConfig l = (HttpDatasourceConfig) c.datasources().loki();
    assertThat(l.grafanaUrl()).isEqualTo("https://grafana.example");
    assertThat(l.externalUrl()).isEqualTo("http://loki:3100");
    assertThat(c.alerting().resendDelay()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.alerting().alertmanagers()).containsExactly(
        new AlertmanagerConfig("http://am1:9093", "", Duration.ofSeconds(10), HttpClientConfig.DEFAULT),
        new AlertmanagerConfig("https://am2.example", "/alertmanager", Duration.ofSeconds(5),
            new HttpClientConfig(new HttpClientConfig.BasicAuth("tocsin", null, null,
                dir.resolve("secrets/am-password")), null, Map.of(), null, null, true, true)));
    assertThat(c.notifications().configFile()).isEqualTo(dir.resolve("alertmanager.yml"));
    assertThat(c.state()).isEqualTo(new StateConfig(dir.resolve("data"), Duration.ofHours(2)));
  }

  @Test
  void embeddedDatasourcesResolveFromTheConfigFolder() throws IOException {
    write("demo/series.yml", "interval: 1m\ninput_series: []\n");
    write("demo/streams.yml", "streams: []\n");
    TocsinConfig c = ok("""
        datasources:
          prometheus: {embedded: {series_file: demo/series.yml}}
          loki: {embedded: {streams_file: ./demo/../demo/streams.yml}}
        """);
    assertThat(c.datasources().prometheus()).isEqualTo(new EmbeddedDatasourceConfig(dir.resolve("demo/series.yml"),
        null));
    assertThat(c.datasources().loki()).isEqualTo(new EmbeddedDatasourceConfig(null, dir.resolve("demo/streams.yml")));
  }

  @Test
  void absolutePathsStayAbsolute() throws IOException {
    Path elsewhere = Files.createTempFile("tocsin-rules", ".yml");
    try {
      TocsinConfig c = ok("rule_files: ['" + elsewhere + "']\n");
      assertThat(c.ruleFiles()).containsExactly(elsewhere);
    } finally {
      Files.delete(elsewhere);
    }
  }

  @Test
  void relativeConfigPathGivesRelativeRuleFilePaths() throws IOException {
    // promtool prints rule files joined to the config's folder; a config in the working directory
    // therefore names its rule files as written.
    byte[] yaml = "rule_files: [x.yml]\n".getBytes(StandardCharsets.UTF_8);
    ConfigLoadResult r = loader.load(Path.of("tocsin.yml"), yaml);
    assertThat(r.errors()).extracting(Diagnostic::message).containsExactly("\"x.yml\" does not point to an existing file");
  }

  // --- rule files ---

  @Test
  void globsExpandSortedAndAGlobMatchingNothingIsFine() throws IOException {
    write("r/b.yml", "");
    write("r/a.yml", "");
    write("r/.hidden.yml", "");
    write("r/c.yaml", "");
    write("one.yml", "");
    TocsinConfig c = ok("rule_files: ['r/*.yml', 'none/*.yml', 'nomatch*.yml', one.yml, 'r/?.yaml', 'r/[ab].yml']\n");
    assertThat(c.ruleFiles()).containsExactly(dir.resolve("r/.hidden.yml"), dir.resolve("r/a.yml"),
        dir.resolve("r/b.yml"), dir.resolve("one.yml"), dir.resolve("r/c.yaml"));
  }

  @Test
  void globsInParentFoldersWithoutStar() throws IOException {
    write("team-a/rules.yml", "");
    write("team-b/rules.yml", "");
    TocsinConfig c = ok("rule_files: ['team-?/rules.yml']\n");
    assertThat(c.ruleFiles()).containsExactly(dir.resolve("team-a/rules.yml"), dir.resolve("team-b/rules.yml"));
  }

  @Test
  void plainRuleFileThatDoesNotExistIsAnError() throws IOException {
    assertThat(errors("rule_files:\n  - missing.yml\n"))
        .containsExactly("2:5: \"" + dir.resolve("missing.yml") + "\" does not point to an existing file");
  }

  @Test
  void ruleFileThatIsADirectoryIsAnError() throws IOException {
    Files.createDirectories(dir.resolve("rules"));
    assertThat(errors("rule_files: [rules]\n"))
        .containsExactly("1:14: \"" + dir.resolve("rules") + "\" is a directory, not a rule file");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"a/*/b.yml\"|1:14: invalid rule file path \"a/*/b.yml\"",
      "\"r/[a.yml\"|1:14: invalid rule file path \"r/[a.yml\": syntax error in pattern",
      "\"r/\\\\\"|1:14: invalid rule file path \"r/\\\\\": syntax error in pattern",
      "\"\"|1:14: rule file path must not be empty",
      "{a: b}|1:14: cannot unmarshal !!map into string"})
  void badRuleFilePatterns(String entry, String expected) throws IOException {
    assertThat(errors("rule_files: [" + entry + "]\n")).containsExactly(expected);
  }

  // --- global ---

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "evaluation_interval: 1x|2:24: not a valid duration string: \"1x\"",
      "evaluation_interval: 0s|2:24: evaluation_interval must be greater than 0s",
      "evaluation_interval: -1m|2:24: not a valid duration string: \"-1m\"",
      "rule_query_offset: soon|2:22: not a valid duration string: \"soon\"",
      "evaluation_workers: 0|2:23: evaluation_workers must be greater than 0",
      "evaluation_workers: -3|2:23: evaluation_workers must be greater than 0",
      "evaluation_workers: many|2:23: cannot unmarshal !!str `many` into int",
      "external_url: tocsin.example:9097|2:17: invalid external_url \"tocsin.example:9097\": scheme \"tocsin.example\" is not http or https",
      "external_url: /tocsin|2:17: invalid external_url \"/tocsin\": missing scheme (http or https)",
      "external_url: 'http:///x'|2:17: invalid external_url \"http:///x\": missing host",
      "scrape_interval: 15s|2:3: field scrape_interval not found in type config.GlobalConfig",
      "external_labels: {'': x}|2:21: \"\" is not a valid label name",
      "external_labels: [a]|2:20: cannot unmarshal !!seq into map[string]string"})
  void badGlobalSettings(String line, String expected) throws IOException {
    assertThat(errors("global:\n  " + line + "\n")).containsExactly(expected);
  }

  @Test
  void emptyExternalLabelValuesAreDropped() throws IOException {
    assertThat((Object) ok("global: {external_labels: {a: '', b: x}}\n").global().externalLabels())
        .isEqualTo(Labels.of("b", "x"));
  }

  @Test
  void unknownTopLevelKeyUsesPrometheusWording() throws IOException {
    assertThat(errors("scrape_configs: []\n")).containsExactly("1:1: field scrape_configs not found in type config.Config");
  }

  @Test
  void everyErrorIsReportedNotJustTheFirst() throws IOException {
    assertThat(errors("""
        global:
          evaluation_interval: 1x
          bogus: 1
        state:
          outage_tolerance: 0s
        """)).containsExactly(
            "3:3: field bogus not found in type config.GlobalConfig",
            "2:24: not a valid duration string: \"1x\"",
            "5:21: outage_tolerance must be greater than 0s");
  }

  @Test
  void notAMappingAtTheTop() throws IOException {
    assertThat(errors("just text\n")).containsExactly("1:1: cannot unmarshal !!str into config.Config");
  }

  // --- datasources ---

  @Test
  void datasourceNeedsUrlOrEmbedded() throws IOException {
    assertThat(errors("datasources:\n  prometheus:\n    timeout: 10s\n"))
        .containsExactly("2:3: one of url or embedded must be set in datasource prometheus");
  }

  @Test
  void datasourceWithBothUrlAndEmbedded() throws IOException {
    write("s.yml", "");
    assertThat(errors("datasources:\n  loki:\n    url: http://loki:3100\n    embedded: {streams_file: s.yml}\n"))
        .containsExactly("4:5: only one of url and embedded must be set in datasource loki");
  }

  @Test
  void embeddedNeedsItsFile() throws IOException {
    assertThat(errors("datasources:\n  prometheus:\n    embedded: {}\n"))
        .containsExactly("3:15: embedded needs series_file");
  }

  @Test
  void embeddedWithBothFilesIsTheWrongKindForOne() throws IOException {
    write("a.yml", "");
    assertThat(errors("datasources:\n  prometheus:\n    embedded: {series_file: a.yml, streams_file: a.yml}\n"))
        .containsExactly("3:36: streams_file cannot be used in the prometheus datasource; use series_file");
  }

  @Test
  void seriesFileOnLokiIsTheWrongKind() throws IOException {
    write("a.yml", "");
    assertThat(errors("datasources:\n  loki:\n    embedded:\n      series_file: a.yml\n"))
        .containsExactly("4:7: series_file cannot be used in the loki datasource; use streams_file");
  }

  @Test
  void missingEmbeddedFile() throws IOException {
    assertThat(errors("datasources:\n  prometheus:\n    embedded: {series_file: gone.yml}\n"))
        .containsExactly("3:29: series_file " + dir.resolve("gone.yml") + " does not exist");
  }

  @Test
  void embeddedFileThatIsADirectory() throws IOException {
    Files.createDirectories(dir.resolve("d"));
    assertThat(errors("datasources:\n  prometheus:\n    embedded: {series_file: d}\n"))
        .containsExactly("3:29: series_file " + dir.resolve("d") + " is a directory, not a file");
  }

  @Test
  void httpOptionsOnAnEmbeddedDatasource() throws IOException {
    write("a.yml", "");
    assertThat(errors("datasources:\n  prometheus:\n    embedded: {series_file: a.yml}\n    timeout: 5s\n"))
        .containsExactly("4:5: field timeout cannot be used with embedded in datasource prometheus");
  }

  @Test
  void grafanaUrlIsLokiOnly() throws IOException {
    assertThat(errors("datasources:\n  prometheus:\n    url: http://p:9090\n    grafana_url: http://g\n"))
        .containsExactly("4:5: field grafana_url not found in type config.PrometheusDatasource");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "url: ftp://p:9090|4:10: invalid url \"ftp://p:9090\": scheme \"ftp\" is not http or https",
      "url: localhost:9090|4:10: invalid url \"localhost:9090\": scheme \"localhost\" is not http or https",
      "url: 'http://'|4:10: invalid url \"http://\": Expected authority at index 7",
      "url: 'http://a b'|4:10: invalid url \"http://a b\": Illegal character in authority at index 7",
      "timeout: 0s|4:14: timeout must be greater than 0s",
      "timeout: 30|4:14: not a valid duration string: \"30\"",
      "timeout: [1s]|4:14: cannot unmarshal !!seq into string"})
  void badDatasourceValues(String line, String expected) throws IOException {
    String yaml = "datasources:\n  prometheus:\n    url: http://ok:9090\n    " + line + "\n";
    if (line.startsWith("url:")) {
      yaml = "datasources:\n  prometheus:\n    tenant_id: x\n    " + line + "\n";
    }
    assertThat(errors(yaml)).containsExactly(expected);
  }

  @Test
  void hostWithUnderscoreIsAccepted() throws IOException {
    TocsinConfig c = ok("datasources: {prometheus: {url: 'http://my_prom:9090'}}\n");
    assertThat(((HttpDatasourceConfig) c.datasources().prometheus()).url()).isEqualTo("http://my_prom:9090");
  }

  @Test
  void datasourceThatIsNotAMapping() throws IOException {
    assertThat(errors("datasources:\n  prometheus: http://p:9090\n"))
        .containsExactly("2:15: cannot unmarshal !!str into config.PrometheusDatasource");
  }

  // --- http_config ---

  private List<String> httpErrors(String lines) throws IOException {
    return errors("datasources:\n  prometheus:\n    url: http://p:9090\n" + lines.indent(4));
  }

  @Test
  void basicAuthAndAuthorizationTogether() throws IOException {
    assertThat(httpErrors("basic_auth: {username: u, password: p}\nauthorization: {credentials: t}\n"))
        .containsExactly("5:5: at most one of basic_auth, oauth2 & authorization must be configured");
  }

  @Test
  void basicAuthAndBearerTokenTogether() throws IOException {
    assertThat(httpErrors("basic_auth: {username: u}\nbearer_token: t\n"))
        .containsExactly("5:5: at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
  }

  @Test
  void passwordAndPasswordFile() throws IOException {
    write("pw", "x");
    assertThat(httpErrors("basic_auth:\n  username: u\n  password: p\n  password_file: pw\n"))
        .containsExactly("7:7: at most one of basic_auth password & password_file must be configured");
  }

  @Test
  void usernameAndUsernameFile() throws IOException {
    write("user", "x");
    assertThat(httpErrors("basic_auth: {username: u, username_file: user}\n"))
        .containsExactly("4:31: at most one of basic_auth username & username_file must be configured");
  }

  @Test
  void missingPasswordFile() throws IOException {
    assertThat(httpErrors("basic_auth: {username: u, password_file: nope}\n"))
        .containsExactly("4:46: password_file " + dir.resolve("nope") + " does not exist");
  }

  @Test
  void credentialsAndCredentialsFile() throws IOException {
    write("t", "x");
    assertThat(httpErrors("authorization: {credentials: a, credentials_file: t}\n"))
        .containsExactly("4:37: at most one of authorization credentials & credentials_file must be configured");
  }

  @Test
  void authorizationTypeBasicIsRefused() throws IOException {
    assertThat(httpErrors("authorization: {type: Basic, credentials: x}\n"))
        .containsExactly("4:27: authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
  }

  @Test
  void authorizationWithLegacyBearerToken() throws IOException {
    assertThat(httpErrors("authorization: {credentials: x}\nbearer_token: y\n"))
        .containsExactly("4:5: authorization is not compatible with bearer_token & bearer_token_file");
  }

  @Test
  void legacyBearerTokenBecomesAuthorization() throws IOException {
    TocsinConfig c = ok("datasources: {prometheus: {url: 'http://p', bearer_token: abc}}\n");
    assertThat(((HttpDatasourceConfig) c.datasources().prometheus()).http().authorization())
        .isEqualTo(new HttpClientConfig.Authorization("Bearer", "abc", null));
  }

  @Test
  void customAuthorizationTypeIsKept() throws IOException {
    TocsinConfig c = ok("datasources: {prometheus: {url: 'http://p', authorization: {type: Token, credentials: a}}}\n");
    assertThat(((HttpDatasourceConfig) c.datasources().prometheus()).http().authorization())
        .isEqualTo(new HttpClientConfig.Authorization("Token", "a", null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "oauth2: {client_id: x}|4:5: field oauth2 is not supported by Tocsin",
      "sigv4: {region: eu}|4:5: field sigv4 is not supported by Tocsin",
      "no_proxy: localhost|4:5: field no_proxy is not supported by Tocsin",
      "proxy_from_environment: true|4:5: field proxy_from_environment is not supported by Tocsin",
      "tls_config: {ca: PEM}|4:18: field ca is not supported by Tocsin",
      "tls_config: {max_version: TLS13}|4:18: field max_version is not supported by Tocsin",
      "basic_auth: {password_ref: x}|4:18: field password_ref is not supported by Tocsin",
      "tls_config: {min_version: TLS9}|4:31: unknown TLS version: TLS9",
      "tls_config: {bogus: 1}|4:18: field bogus not found in type config.TLSConfig",
      "follow_redirects: maybe|4:23: cannot unmarshal !!str `maybe` into bool",
      "proxy_url: ftp://proxy|4:16: invalid proxy_url \"ftp://proxy\": scheme \"ftp\" is not http or https or socks5",
      "http_headers: {Authorization: {values: [x]}}|4:20: setting header \"Authorization\" is not allowed",
      "http_headers: {user-agent: {values: [x]}}|4:20: setting header \"User-Agent\" is not allowed",
      "http_headers: {X-A: {value: [x]}}|4:26: field value not found in type config.Header",
      "http_headers: {X-A: {files: [nope]}}|4:34: files " + "@DIR@/nope does not exist"})
  void badHttpOptions(String line, String expected) throws IOException {
    assertThat(httpErrors(line + "\n")).containsExactly(expected.replace("@DIR@", dir.toString()));
  }

  @Test
  void tlsCertWithoutKey() throws IOException {
    write("c.pem", "x");
    assertThat(httpErrors("tls_config: {cert_file: c.pem}\n")).containsExactly(
        "4:18: exactly one of key or key_file must be configured when a client certificate is configured");
  }

  @Test
  void tlsKeyWithoutCert() throws IOException {
    write("k.pem", "x");
    assertThat(httpErrors("tls_config: {key_file: k.pem}\n")).containsExactly(
        "4:18: exactly one of cert or cert_file must be configured when a client key is configured");
  }

  @Test
  void missingTlsFiles() throws IOException {
    assertThat(httpErrors("tls_config: {ca_file: ca.pem}\n"))
        .containsExactly("4:27: ca_file " + dir.resolve("ca.pem") + " does not exist");
  }

  @Test
  void headerFilesResolveAndHeadersKeepTheirCase() throws IOException {
    write("h.txt", "v");
    TocsinConfig c = ok("datasources: {prometheus: {url: 'http://p', http_headers: {X-Org: {files: [h.txt]}}}}\n");
    assertThat(((HttpDatasourceConfig) c.datasources().prometheus()).http().httpHeaders())
        .isEqualTo(Map.of("X-Org", new HttpClientConfig.Header(List.of(), List.of(), List.of(dir.resolve("h.txt")))));
  }

  @Test
  void tenantIdAndScopeHeaderTogether() throws IOException {
    assertThat(httpErrors("tenant_id: a\nhttp_headers: {x-scope-orgid: {values: [b]}}\n"))
        .containsExactly("4:5: tenant_id and an X-Scope-OrgID entry in http_headers must not both be set");
  }

  // --- alerting, notifications, state ---

  @Test
  void alertmanagerNeedsUrl() throws IOException {
    assertThat(errors("alerting:\n  alertmanagers:\n    - path_prefix: /am\n"))
        .containsExactly("3:7: url must be set for each alertmanager");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "- url: am:9093|3:12: invalid url \"am:9093\": scheme \"am\" is not http or https",
      "- {url: 'http://am', timeout: 0s}|3:35: timeout must be greater than 0s",
      "- {url: 'http://am', static_configs: []}|3:26: field static_configs not found in type config.AlertmanagerConfig",
      "- {url: 'http://am', basic_auth: {password: p, password_file: f}}|3:52: at most one of basic_auth password & password_file must be configured"})
  void badAlertmanagers(String line, String expected) throws IOException {
    write("f", "x");
    assertThat(errors("alerting:\n  alertmanagers:\n    " + line + "\n")).containsExactly(expected);
  }

  @Test
  void resendDelayMayBeZeroButNotBad() throws IOException {
    assertThat(ok("alerting: {resend_delay: 0s}\n").alerting().resendDelay()).isZero();
    assertThat(errors("alerting:\n  resend_delay: later\n"))
        .containsExactly("2:17: not a valid duration string: \"later\"");
  }

  @Test
  void missingNotificationsConfigFile() throws IOException {
    assertThat(errors("notifications:\n  config_file: am.yml\n"))
        .containsExactly("2:16: config_file " + dir.resolve("am.yml") + " does not exist");
  }

  @Test
  void notificationsWithoutConfigFile() throws IOException {
    assertThat(errors("notifications:\n")).containsExactly("1:1: notifications needs config_file");
  }

  @Test
  void stateDirectoryThatIsAFile() throws IOException {
    write("data", "x");
    assertThat(errors("state: {directory: data}\n"))
        .containsExactly("1:20: directory " + dir.resolve("data") + " is not a directory");
  }

  @Test
  void stateDirectoryNeedNotExistYet() throws IOException {
    assertThat(ok("state: {directory: later/state}\n").state().directory()).isEqualTo(dir.resolve("later/state"));
  }

  // --- hostile input ---

  @Test
  void missingFile() {
    ConfigLoadResult r = loader.load(dir.resolve("none.yml"));
    assertThat(r.errors()).extracting(Diagnostic::format)
        .containsExactly(dir.resolve("none.yml") + ": open " + dir.resolve("none.yml") + ": no such file or directory");
  }

  @Test
  void directoryInsteadOfFile() {
    ConfigLoadResult r = loader.load(dir);
    assertThat(r.errors()).extracting(Diagnostic::message).containsExactly("read " + dir + ": is a directory");
  }

  @Test
  void binaryGarbage() throws IOException {
    Path p = dir.resolve("bin.yml");
    Files.write(p, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, (byte) 0xff, (byte) 0xfe});
    ConfigLoadResult r = loader.load(p);
    assertThat(r.config()).isNull();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).message()).startsWith("yaml: invalid UTF-8");
  }

  @Test
  void fileOverTheSizeLimitIsRefusedBeforeParsing() throws IOException {
    Path p = dir.resolve("big.yml");
    byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(p)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    ConfigLoadResult r = loader.load(p);
    assertThat(r.errors()).extracting(Diagnostic::message)
        .containsExactly("file is " + Files.size(p) + " bytes, over the limit of 4194304 bytes");
  }

  @Test
  void deeplyNestedYaml() throws IOException {
    String deep = "global: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    ConfigLoadResult r = loader.load(write("deep.yml", deep));
    assertThat(r.config()).isNull();
    assertThat(r.errors()).hasSize(1);
  }

  @Test
  void yamlSyntaxErrorHasAPosition() throws IOException {
    ConfigLoadResult r = loader.load(write("t.yml", "global:\n  evaluation_interval: [1m\n"));
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).position()).isNotNull();
    assertThat(r.errors().get(0).message()).startsWith("yaml: ");
  }

  @Test
  void duplicateKeysAreErrors() throws IOException {
    assertThat(errors("global: {}\nglobal: {}\n")).hasSize(1);
  }

  @Test
  void laterDocumentsAreIgnoredWithAWarning() throws IOException {
    ConfigLoadResult r = loader.load(write("t.yml", "global: {evaluation_interval: 10s}\n---\nbogus: [\n"));
    assertThat(r.config().global().evaluationInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(r.warnings()).extracting(Diagnostic::message)
        .containsExactly("the file has more than one YAML document; only the first is used");
  }

}
