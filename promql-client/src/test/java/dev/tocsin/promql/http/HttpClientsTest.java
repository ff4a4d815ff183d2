package dev.tocsin.promql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.promql.http.HttpClientConfig.Authorization;
import dev.tocsin.promql.http.HttpClientConfig.BasicAuth;
import dev.tocsin.promql.http.HttpClientConfig.Header;
import dev.tocsin.promql.http.HttpClientConfig.TlsConfig;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.Scalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.TlsVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code http_config} on the wire: authentication, headers, secret files, TLS, proxy and redirects. */
class HttpClientsTest {
  private static final String SCALAR = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]}}";

  @TempDir static Path certs;
  private static TestCerts.Identity serverId;
  private static TestCerts.Identity rsaClient;
  private static TestCerts.Identity ecClient;

  @TempDir Path dir;
  private MockWebServer server;

  @BeforeAll
  static void generateCertificates() throws Exception {
    serverId = TestCerts.generate(certs, "prometheus", "RSA", "dns:prometheus.test");
    rsaClient = TestCerts.generate(certs, "rsa-client", "RSA", "dns:client");
    ecClient = TestCerts.generate(certs, "ec-client", "EC", "dns:client");
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpClientConfig config(BasicAuth basic, Authorization auth, Map<String, Header> headers, TlsConfig tls) {
    return new HttpClientConfig(basic, auth, headers, tls, null, true, true);
  }

  private RecordedRequest query(HttpClientConfig config) throws Exception {
    if (!server.getStarted()) {
      server.start();
    }
    server.enqueue(new MockResponse.Builder().body(SCALAR).build());
    String base = server.url("/").toString();
    assertThat(PrometheusHttpClient.builder(base).httpConfig(config).build().instantQuery("1", Instant.EPOCH))
        .isEqualTo(new Scalar(1000, 2));
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private static QueryException failure(HttpClientConfig config, String url) {
    PrometheusHttpClient c = PrometheusHttpClient.builder(url).httpConfig(config).build();
    return org.assertj.core.api.Assertions.catchThrowableOfType(QueryException.class, () -> c.instantQuery("1", Instant.EPOCH));
  }

  @Test
  void basicAuthInlineAndFromFiles() throws Exception {
    assertThat(query(config(new BasicAuth("u", null, "p", null), null, Map.of(), null)).getHeaders().get("Authorization"))
        .isEqualTo("Basic dTpw");
    Path user = TestCerts.write(dir.resolve("user"), "admin\n");
    Path pass = TestCerts.write(dir.resolve("pass"), "  s3cret\n");
    assertThat(query(config(new BasicAuth(null, user, null, pass), null, Map.of(), null)).getHeaders().get("Authorization"))
        .isEqualTo("Basic YWRtaW46czNjcmV0");
  }

  @Test
  void credentialsFileIsReadAgainAfterItChanges() throws Exception {
    Path token = TestCerts.write(dir.resolve("token"), "first\n");
    HttpClientConfig cfg = config(null, new Authorization("Token", null, token), Map.of(), null);
    server.start();
    PrometheusHttpClient c = PrometheusHttpClient.builder(server.url("/").toString()).httpConfig(cfg).build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().body(SCALAR).build());
    }
    c.instantQuery("1", Instant.EPOCH);
    c.instantQuery("1", Instant.EPOCH);
    Files.writeString(token, "second-token\n");
    Files.setLastModifiedTime(token, FileTime.from(Files.getLastModifiedTime(token).toInstant().plusSeconds(5)));
    c.instantQuery("1", Instant.EPOCH);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Token first");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Token first");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Token second-token");
  }

  @Test
  void httpHeadersSendValuesSecretsAndFilesAndTheBearerDefault() throws Exception {
    Path file = TestCerts.write(dir.resolve("h"), "from-file\n");
    RecordedRequest r = query(config(null, new Authorization(null, "tok", null),
        Map.of("X-Custom", new Header(List.of("v1"), List.of("s1"), List.of(file))), null));
    assertThat(r.getHeaders().values("X-Custom")).containsExactly("v1", "s1", "from-file");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
  }

  @Test
  void missingSecretFileFailsTheQueryNamingTheFileWithoutSending() throws Exception {
    server.start();
    Path missing = dir.resolve("nope");
    QueryException e = failure(config(new BasicAuth("u", null, null, missing), null, Map.of(), null), server.url("/").toString());
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.getMessage()).contains("cannot read basic_auth.password_file " + missing + ": no such file");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void proxyUrlAndRedirects() throws Exception {
    server.start();
    server.enqueue(new MockResponse.Builder().body(SCALAR).build());
    HttpClientConfig viaProxy = new HttpClientConfig(null, null, Map.of(), null, server.url("/").toString(), true, true);
    PrometheusHttpClient.builder("http://prometheus.invalid:9090").httpConfig(viaProxy).build().instantQuery("1", Instant.EPOCH);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getRequestLine())
        .isEqualTo("POST http://prometheus.invalid:9090/api/v1/query HTTP/1.1");
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere").build());
    HttpClientConfig noRedirects = new HttpClientConfig(null, null, Map.of(), null, null, false, true);
    QueryException e = failure(noRedirects, server.url("/").toString());
    assertThat(e.getMessage()).contains("HTTP 302");
    assertThatThrownBy(() -> HttpClients.create(new HttpClientConfig(null, null, Map.of(), null, "ftp://p:21", true, true),
        java.time.Duration.ofSeconds(1))).hasMessage("proxy_url: unsupported scheme in \"ftp://p:21\" (want http, https or socks5)");
  }

  private void https(X509Certificate trustedClient, boolean requireClientAuth) throws Exception {
    server.useHttps(TestCerts.serverContext(serverId, trustedClient).getSocketFactory());
    if (requireClientAuth) {
      server.requireClientAuth();
    }
    server.start();
  }

  private static TlsConfig tls(Path ca, Path cert, Path key, String serverName, boolean insecure, String min) {
    return new TlsConfig(ca, cert, key, serverName, insecure, min);
  }

  @Test
  void tlsWithCaFileServerNameAndMinVersion() throws Exception {
    https(null, false);
    // The certificate names prometheus.test, not 127.0.0.1: server_name makes it match and is sent as SNI.
    RecordedRequest r = query(config(null, null, Map.of(), tls(serverId.certPem(), null, null, "prometheus.test", false, "TLS13")));
    assertThat(r.getHandshakeServerNames()).containsExactly("prometheus.test");
    assertThat(r.getHandshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_3);
    QueryException wrongName = failure(config(null, null, Map.of(), tls(serverId.certPem(), null, null, null, false, null)),
        server.url("/").toString());
    assertThat(wrongName.type()).isEqualTo(ErrorType.UNAVAILABLE);
    assertThat(wrongName.getMessage()).startsWith("TLS connection to Prometheus at https://");
    QueryException untrusted = failure(HttpClientConfig.DEFAULT, server.url("/").toString());
    assertThat(untrusted.type()).isEqualTo(ErrorType.UNAVAILABLE);
    assertThat(untrusted.getMessage()).contains("TLS connection");
    assertThat(query(config(null, null, Map.of(), tls(null, null, null, null, true, null))).getMethod()).isEqualTo("POST");
  }

  @Test
  void clientCertificatesWithPkcs8Pkcs1AndSec1Keys() throws Exception {
    https(rsaClient.cert(), true);
    Path pkcs8 = TestCerts.write(dir.resolve("rsa8.key"), TestCerts.pkcs8Pem(rsaClient.key()));
    Path pkcs1 = TestCerts.write(dir.resolve("rsa1.key"), TestCerts.pkcs1Pem((RSAPrivateCrtKey) rsaClient.key()));
    for (Path key : List.of(pkcs8, pkcs1)) {
      RecordedRequest r = query(config(null, null, Map.of(),
          tls(serverId.certPem(), rsaClient.certPem(), key, "prometheus.test", false, null)));
      assertThat(r.getHandshake().peerCertificates()).containsExactly(rsaClient.cert());
    }
    QueryException noCert = failure(config(null, null, Map.of(), tls(serverId.certPem(), null, null, "prometheus.test", false, null)),
        server.url("/").toString());
    assertThat(noCert.type()).isEqualTo(ErrorType.UNAVAILABLE);
    server.close();
    server = new MockWebServer();
    https(ecClient.cert(), true);
    Path sec1 = TestCerts.write(dir.resolve("ec.key"), TestCerts.sec1Pem((ECPrivateKey) ecClient.key()));
    RecordedRequest r = query(config(null, null, Map.of(),
        tls(serverId.certPem(), ecClient.certPem(), sec1, "prometheus.test", false, null)));
    assertThat(r.getHandshake().peerCertificates()).containsExactly(ecClient.cert());
  }

  @Test
  void badTlsFilesAreClearErrorsNamingTheFile() throws Exception {
    Path missing = dir.resolve("missing.crt");
    Path garbage = TestCerts.write(dir.resolve("garbage.pem"), "not a certificate\n");
    Path badBase64 = TestCerts.write(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----\n");
    Path ecKey = TestCerts.write(dir.resolve("ec8.key"), TestCerts.pkcs8Pem(ecClient.key()));
    Path encrypted = TestCerts.write(dir.resolve("enc.key"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(missing, null, null, null, false, null)),
        java.time.Duration.ofSeconds(1))).hasMessage("cannot read ca_file " + missing + ": no such file");
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(garbage, null, null, null, false, null)),
        java.time.Duration.ofSeconds(1))).hasMessage("ca_file " + garbage + ": no PEM \"CERTIFICATE\" block found");
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(badBase64, null, null, null, false, null)),
        java.time.Duration.ofSeconds(1))).hasMessageStartingWith("ca_file " + badBase64 + ": ");
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(null, rsaClient.certPem(), ecKey, null, false, null)),
        java.time.Duration.ofSeconds(1)))
        .hasMessage("tls_config: key_file " + ecKey + " does not match the certificate in cert_file " + rsaClient.certPem());
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(null, rsaClient.certPem(), encrypted, null, false, null)),
        java.time.Duration.ofSeconds(1))).hasMessage("key_file " + encrypted + ": encrypted private keys are not supported");
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(null, rsaClient.certPem(), garbage, null, false, null)),
        java.time.Duration.ofSeconds(1))).hasMessageContaining("key_file " + garbage + ": no PEM private key block");
    assertThatThrownBy(() -> HttpClients.create(config(null, null, Map.of(), tls(null, null, null, null, false, "TLS14")),
        java.time.Duration.ofSeconds(1))).hasMessage("tls_config: unknown min_version \"TLS14\" (want TLS10, TLS11, TLS12 or TLS13)");
  }
}
