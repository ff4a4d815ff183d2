package dev.tocsin.promql.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP options of a datasource or Alertmanager, with the keys and meaning of Prometheus'
 * {@code http_config}: basic auth, an {@code Authorization} header, extra headers, TLS, a proxy
 * and redirects. Secrets read from files are re-read when the file changes. Absent parts are
 * {@code null}.
 */
public record HttpClientConfig(
    BasicAuth basicAuth,
    Authorization authorization,
    Map<String, Header> httpHeaders,
    TlsConfig tlsConfig,
    String proxyUrl,
    boolean followRedirects,
    boolean enableHttp2) {

  /** No authentication, no extra headers, system TLS, redirects followed: Prometheus' defaults. */
  public static final HttpClientConfig DEFAULT = new HttpClientConfig(null, null, Map.of(), null, null, true, true);

  public HttpClientConfig {
    httpHeaders = Map.copyOf(httpHeaders);
    if (basicAuth != null && authorization != null) {
      throw new IllegalArgumentException("at most one of basic_auth and authorization must be configured");
    }
  }

  /** {@code basic_auth}: a user name (or file) and a password (or file). */
  public record BasicAuth(String username, Path usernameFile, String password, Path passwordFile) {}

  /** {@code authorization}: the scheme ({@code Bearer} by default) and credentials (or a file holding them). */
  public record Authorization(String type, String credentials, Path credentialsFile) {
    public Authorization {
      type = type == null || type.isEmpty() ? "Bearer" : type;
    }
  }

  /** One entry of {@code http_headers}: plain values, secret values and files whose content is a value. */
  public record Header(List<String> values, List<String> secrets, List<Path> files) {
    public Header {
      values = List.copyOf(values);
      secrets = List.copyOf(secrets);
      files = List.copyOf(files);
    }
  }

  /** {@code tls_config}: CA, client certificate and key (PEM files), server name, verification and minimum version. */
  public record TlsConfig(
      Path caFile, Path certFile, Path keyFile, String serverName, boolean insecureSkipVerify, String minVersion) {
    public TlsConfig {
      if ((certFile == null) != (keyFile == null)) {
        throw new IllegalArgumentException("tls_config needs both cert_file and key_file, or neither");
      }
    }
  }

  /** A copy with another {@code Authorization}; used by tests and by the legacy {@code bearer_token} keys. */
  public HttpClientConfig withAuthorization(Authorization auth) {
    return new HttpClientConfig(basicAuth, Objects.requireNonNull(auth), httpHeaders, tlsConfig, proxyUrl,
        followRedirects, enableHttp2);
  }
}
