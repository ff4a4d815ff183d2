package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar with a web config: TLS, basic auth on every path (probes included), the lifecycle
 * API off by default, and no secret of any configuration file in its logs or HTTP answers. Bad
 * web config files stop it with exit code 1 and file:line:column.
 */
class WebSecurityIT {
  private static final String DATASOURCE_PASSWORD = "ds-pass-7Hq2";
  private static final String LOKI_TOKEN = "loki-token-Zx81";
  private static final String AM_PASSWORD = "am-pass-Kd55";
  private static final String SMTP_PASSWORD = "smtp-pass-Vb09";
  private static final String WEB_PASSWORD = "web-pass-Qm31";
  private static final String WEB_HASH = BCrypt.withDefaults().hashToString(10, WEB_PASSWORD.toCharArray());

  @TempDir static Path dir;
  private static ServerProcess tocsin;
  private static HttpClient https;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates.Pair cert = TestCertificates.generate(dir, "server");
    https = HttpClient.newBuilder().sslContext(cert.trustingContext()).connectTimeout(Duration.ofSeconds(2)).build();
    Files.writeString(dir.resolve("web.yml"), """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
        http_server_config:
          headers: {X-Frame-Options: deny}
        basic_auth_users:
          alice: %s
        """.formatted(WEB_HASH));
    Files.writeString(dir.resolve("rules.yml"), """
        groups:
          - name: metrics
            interval: 1s
            rules:
              - alert: Down
                expr: up == 0
          - name: logs
            interval: 1s
            rules:
              - alert: Errors
                expr: sum(count_over_time({app="shop"} |= "error" [1m])) > 0
        """);
    Files.writeString(dir.resolve("alertmanager.yml"), """
        global:
          smtp_smarthost: 127.0.0.1:1
          smtp_from: tocsin@example.org
          smtp_auth_username: mailer
          smtp_auth_password: %s
        route: {receiver: console}
        receivers:
          - name: console
            log_configs: [{}]
        """.formatted(SMTP_PASSWORD));
    Files.writeString(dir.resolve("tocsin.yml"), """
        global: {evaluation_interval: 1s}
        rule_files: [rules.yml]
        datasources:
          prometheus:
            url: http://127.0.0.1:1
            basic_auth: {username: reader, password: %s}
          loki:
            url: http://127.0.0.1:1
            authorization: {credentials: %s}
        alerting:
          alertmanagers:
            - url: http://127.0.0.1:1
              basic_auth: {username: am, password: %s}
        notifications: {config_file: alertmanager.yml}
        """.formatted(DATASOURCE_PASSWORD, LOKI_TOKEN, AM_PASSWORD));
    int port = PeerProcess.freePort();
    url = "https://127.0.0.1:" + port;
    tocsin = ServerProcess.tocsin(dir, "run", "--config.file", "tocsin.yml", "--web.config.file", "web.yml",
        "--web.listen-address", "127.0.0.1:" + port, "--log.level", "debug");
    // Ready once both groups ran; their queries fail, so the errors carry whatever the clients say.
    tocsin.await(https, authorized("/api/v1/rules"), r -> r.statusCode() == 200 && r.body().split("\"err\"").length > 2,
        Duration.ofSeconds(40));
  }

  @AfterAll
  static void stop() throws Exception {
    if (tocsin != null) {
      tocsin.close();
    }
  }

  private static HttpRequest authorized(String path) {
    return request(path, "alice", WEB_PASSWORD);
  }

  private static HttpRequest request(String path, String user, String password) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return b.build();
  }

  private static HttpResponse<String> send(HttpRequest r) throws Exception {
    return https.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPathNeedsCredentialsAndAnswersBasicChallenge() throws Exception {
    for (String path : List.of("/-/healthy", "/-/ready", "/api/v1/rules", "/api/v1/alerts", "/metrics", "/")) {
      HttpResponse<String> none = send(request(path, null, null));
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic");
      assertThat(send(request(path, "alice", "wrong")).statusCode()).as(path).isEqualTo(401);
      assertThat(send(request(path, "mallory", WEB_PASSWORD)).statusCode()).as(path).isEqualTo(401);
      HttpResponse<String> ok = send(authorized(path));
      assertThat(ok.statusCode()).as(path).isEqualTo(200);
      assertThat(ok.headers().firstValue("X-Frame-Options")).as(path).hasValue("deny");
    }
    HttpResponse<String> reload = https.send(HttpRequest.newBuilder(URI.create(url + "/-/reload"))
        .header("Authorization", authorized("/").headers().firstValue("Authorization").orElseThrow())
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(reload.statusCode()).as("without --web.enable-lifecycle").isEqualTo(403);
  }

  @Test
  void prometheusTakesTheSameWebConfigAndAnswersAlike() throws Exception {
    Path binary = SharedDir.peers().resolve("usr/bin/prometheus");
    assertThat(binary).as("prometheus unpacked by scripts/peers.sh").exists();
    Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1m}\n");
    Files.createDirectories(dir.resolve("prom-data"));
    int port = PeerProcess.freePort();
    String promUrl = "https://127.0.0.1:" + port;
    try (ServerProcess prometheus = ServerProcess.start(List.of(binary.toString(), "--config.file=prometheus.yml",
        "--storage.tsdb.path=prom-data", "--web.config.file=web.yml", "--web.listen-address=127.0.0.1:" + port), dir,
        "prometheus")) {
      HttpRequest ready = HttpRequest.newBuilder(URI.create(promUrl + "/-/ready"))
          .header("Authorization", authorized("/").headers().firstValue("Authorization").orElseThrow()).build();
      // Prometheus' bcrypt takes the hash Tocsin's tests made: the two agree on the file and the hash.
      prometheus.await(https, ready, r -> r.statusCode() == 200, Duration.ofSeconds(30));
      for (String path : List.of("/-/healthy", "/api/v1/rules")) {
        HttpResponse<String> theirs = send(HttpRequest.newBuilder(URI.create(promUrl + path)).build());
        HttpResponse<String> ours = send(request(path, null, null));
        assertThat(ours.statusCode()).as(path).isEqualTo(theirs.statusCode()).isEqualTo(401);
        assertThat(ours.headers().firstValue("WWW-Authenticate")).as(path)
            .isEqualTo(theirs.headers().firstValue("WWW-Authenticate"));
        assertThat(ours.body()).as(path).isEqualTo(theirs.body());
        assertThat(send(HttpRequest.newBuilder(URI.create(promUrl + path)).header("Authorization",
            authorized("/").headers().firstValue("Authorization").orElseThrow()).build()).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void clientCertificatesAreRequiredAndVerified() throws Exception {
    Path mtls = dir.resolve("mtls");
    Files.createDirectories(mtls);
    TestCertificates.Pair server = TestCertificates.generate(mtls, "server");
    TestCertificates.Pair client = TestCertificates.generate(mtls, "client");
    TestCertificates.Pair stranger = TestCertificates.generate(mtls, "stranger");
    Files.writeString(mtls.resolve("tocsin.yml"), "rule_files: []\n");
    Files.writeString(mtls.resolve("web.yml"), """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          client_auth_type: RequireAndVerifyClientCert
          client_ca_file: client.crt
          min_version: TLS13
        """);
    int port = PeerProcess.freePort();
    String mtlsUrl = "https://127.0.0.1:" + port + "/-/healthy";
    try (ServerProcess p = ServerProcess.tocsin(mtls, "run", "--config.file", "tocsin.yml", "--web.config.file",
        "web.yml", "--web.listen-address", "127.0.0.1:" + port)) {
      HttpClient withCert = HttpClient.newBuilder().sslContext(server.clientContext(client)).build();
      assertThat(p.await(withCert, mtlsUrl, r -> r.statusCode() == 200, Duration.ofSeconds(30)).body())
          .isEqualTo("Tocsin is Healthy.\n");
      for (TestCertificates.Pair other : java.util.Arrays.asList(null, stranger)) {
        HttpClient c = HttpClient.newBuilder().sslContext(server.clientContext(other)).build();
        boolean answered;
        try {
          answered = c.send(HttpRequest.newBuilder(URI.create(mtlsUrl)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
          answered = false;
        }
        assertThat(answered).as(other == null ? "no client certificate" : "an unknown client certificate").isFalse();
      }
    }
  }

  @Test
  void plainHttpGetsNoAnswer() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest r = HttpRequest.newBuilder(URI.create(url.replace("https:", "http:") + "/-/healthy"))
        .timeout(Duration.ofSeconds(5)).build();
    boolean answered;
    try {
      answered = plain.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      answered = false;
    }
    assertThat(answered).isFalse();
  }

  @Test
  void noSecretInLogsOrAnswers() throws Exception {
    List<String> seen = new ArrayList<>();
    for (String path : List.of("/api/v1/rules", "/api/v1/alerts", "/metrics", "/", "/rules?group=logs")) {
      seen.add(path + ":\n" + send(authorized(path)).body());
    }
    seen.add("stdout:\n" + tocsin.stdout());
    seen.add("stderr:\n" + tocsin.stderr());
    String all = String.join("\n", seen);
    assertThat(all).as("what was checked").contains("\"health\":\"err\"").contains("lastError");
    for (String secret : List.of(DATASOURCE_PASSWORD, LOKI_TOKEN, AM_PASSWORD, SMTP_PASSWORD, WEB_PASSWORD, WEB_HASH,
        WEB_HASH.substring(7))) {
      assertThat(all).as("secret " + secret).doesNotContain(secret);
    }
  }

  @Test
  void badWebConfigFilesExitOneWithPositions() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("tocsin.yml"), "rule_files: []\n");
    Files.writeString(bad.resolve("unknown.yml"), "basic_auth_user:\n  alice: x\n");
    Files.writeString(bad.resolve("nocert.yml"), "tls_server_config:\n  cert_file: missing.crt\n  key_file: k.key\n");
    Files.writeString(bad.resolve("hash.yml"), "basic_auth_users:\n  alice: " + WEB_PASSWORD + "\n");
    assertThat(runBad(bad, "unknown.yml")).isEqualTo("unknown.yml: 1:1: field basic_auth_user not found in type web.Config\n");
    assertThat(runBad(bad, "nocert.yml")).isEqualTo(
        "nocert.yml: 2:14: cert_file " + bad.resolve("missing.crt") + " does not exist\n"
            + "nocert.yml: 3:13: key_file " + bad.resolve("k.key") + " does not exist\n");
    String hash = runBad(bad, "hash.yml");
    assertThat(hash).isEqualTo("hash.yml: 2:10: the password hash of user \"alice\" is not a bcrypt hash ($2a$, $2b$"
        + " or $2y$, cost, 53 characters of salt and hash)\n").doesNotContain(WEB_PASSWORD);
    assertThat(runBad(bad, "absent.yml")).isEqualTo("absent.yml: open absent.yml: no such file or directory\n");
  }

  private static String runBad(Path bad, String webConfig) throws Exception {
    try (ServerProcess p = ServerProcess.tocsin(bad, "run", "--config.file", "tocsin.yml", "--web.config.file",
        webConfig, "--web.listen-address", "127.0.0.1:" + PeerProcess.freePort())) {
      assertThat(p.waitFor(Duration.ofSeconds(60))).as(webConfig + ": " + p.stderr()).isEqualTo(1);
      return p.stderr();
    }
  }
}
