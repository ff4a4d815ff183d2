package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tocsin.model.source.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web config file: what loads, and every bad input as an error at file:line:column. */
class WebConfigLoaderTest {
  @TempDir static Path dir;
  private static TestCertificates.Pair server;
  private static TestCertificates.Pair other;
  private static final String HASH = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());

  @BeforeAll
  static void certificates() throws Exception {
    server = TestCertificates.generate(dir, "server");
    other = TestCertificates.generate(dir, "other");
  }

  private static WebConfigLoader.Result load(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return new WebConfigLoader().load(file);
  }

  private static List<String> errors(String name, String yaml) throws Exception {
    WebConfigLoader.Result r = load(name, yaml);
    assertThat(r.config()).isNull();
    return r.errors().stream().map(Diagnostic::format).toList();
  }

  @Test
  void loadsTlsUsersAndHeadersWithRelativePaths() throws Exception {
    WebConfigLoader.Result r = load("web.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          min_version: TLS13
        http_server_config:
          headers: {X-Frame-Options: deny}
        basic_auth_users:
          alice: %s
        """.formatted(HASH));
    assertThat(r.errors()).isEmpty();
    WebConfig c = r.config();
    assertThat(c.tls().protocols()).containsExactly("TLSv1.3");
    assertThat(c.tls().clientAuth()).isEqualTo(WebConfig.ClientAuth.NO_CLIENT_CERT);
    assertThat(c.users()).containsOnlyKeys("alice");
    assertThat(c.headers()).containsEntry("X-Frame-Options", "deny");
    assertThat(load("empty.yml", "").config()).isEqualTo(new WebConfig(null, java.util.Map.of(), java.util.Map.of()));
  }

  @Test
  void unknownKeysAreErrorsAtTheirPosition() throws Exception {
    Path f = dir.resolve("unknown.yml");
    assertThat(errors("unknown.yml", """
        basic_auth_users: {}
        tls_config:
          cert_file: server.crt
        """)).containsExactly(f + ": 2:1: field tls_config not found in type web.Config");
    assertThat(errors("unknown2.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          cipher_suites: [TLS_AES_128_GCM_SHA256]
          certfile: x
        """)).containsExactly(
            dir.resolve("unknown2.yml") + ": 5:3: field certfile not found in type web.TLSConfig",
            dir.resolve("unknown2.yml") + ": 4:3: cipher_suites is not supported by Tocsin");
  }

  @Test
  void missingOrWrongCertificateFilesAreErrors() throws Exception {
    Path f = dir.resolve("missing.yml");
    assertThat(errors("missing.yml", """
        tls_server_config:
          cert_file: nowhere.crt
          key_file: server.key
        """)).containsExactly(f + ": 2:14: cert_file " + dir.resolve("nowhere.crt") + " does not exist");
    assertThat(errors("nokey.yml", """
        tls_server_config:
          cert_file: server.crt
        """)).containsExactly(dir.resolve("nokey.yml") + ": 1:1: missing key_file");
    assertThat(errors("mismatch.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: other.key
        """)).containsExactly(dir.resolve("mismatch.yml") + ": 2:14: key_file " + other.keyFile()
            + " does not hold the private key of cert_file " + server.certFile());
    assertThat(errors("notpem.yml", """
        tls_server_config:
          cert_file: notpem.yml
          key_file: server.key
        """)).containsExactly(dir.resolve("notpem.yml") + ": 2:14: cert_file " + dir.resolve("notpem.yml")
            + ": no PEM \"CERTIFICATE\" block found");
    assertThat(errors("auth.yml", """
        tls_server_config:
          cert_file: server.crt
          key_file: server.key
          client_auth_type: RequireAndVerifyClientCert
          min_version: TLS14
        """)).containsExactly(
            dir.resolve("auth.yml") + ": 1:1: client_auth_type RequireAndVerifyClientCert needs client_ca_file, the CAs"
                + " client certificates are checked against",
            dir.resolve("auth.yml") + ": 5:16: unknown TLS version: TLS14 (want TLS10, TLS11, TLS12 or TLS13)");
    assertThat(errors("authtype.yml", """
        tls_server_config: {cert_file: server.crt, key_file: server.key, client_auth_type: Always}
        """)).singleElement().asString().contains("1:84: invalid client_auth_type \"Always\"");
  }

  @Test
  void badHashesAndHeadersAreErrorsThatDoNotRepeatTheHash() throws Exception {
    Path f = dir.resolve("hash.yml");
    List<String> errors = errors("hash.yml", """
        basic_auth_users:
          alice: %s
          bob: plaintext-password
          carol: $2y$10$tooShort
        """.formatted(HASH));
    assertThat(errors).containsExactly(
        f + ": 3:8: the password hash of user \"bob\" is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters of"
            + " salt and hash)",
        f + ": 4:10: the password hash of user \"carol\" is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters"
            + " of salt and hash)");
    assertThat(String.join("\n", errors)).doesNotContain("plaintext-password").doesNotContain("tooShort");
    assertThat(errors("headers.yml", """
        http_server_config:
          headers: {Server: tocsin}
        """)).singleElement().asString().startsWith(dir.resolve("headers.yml") + ": 2:13: HTTP header Server can not be"
            + " customized");
  }

  @Test
  void unreadableFilesAndYamlErrorsAreOneLine() throws Exception {
    assertThat(new WebConfigLoader().load(dir.resolve("absent.yml")).errors()).extracting(Diagnostic::format)
        .containsExactly(dir.resolve("absent.yml") + ": open " + dir.resolve("absent.yml")
            + ": no such file or directory");
    assertThat(errors("syntax.yml", "basic_auth_users: [\n")).singleElement().asString()
        .startsWith(dir.resolve("syntax.yml") + ": 2:1: ");
  }
}
