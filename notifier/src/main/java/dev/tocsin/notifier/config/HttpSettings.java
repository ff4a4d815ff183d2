package dev.tocsin.notifier.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The parts of Alertmanager's {@code http_config} that Tocsin applies to webhooks: basic auth, an
 * {@code Authorization} header (or the older {@code bearer_token}), TLS, a proxy, redirects and
 * extra headers. The daemon turns it into an HTTP client; absent parts are {@code null}.
 */
public record HttpSettings(BasicAuth basicAuth, Authorization authorization, Tls tls, String proxyUrl,
    boolean followRedirects, boolean enableHttp2, Map<String, String> headers) {

  /** No authentication, system TLS, redirects followed: Alertmanager's defaults. */
  public static final HttpSettings DEFAULT = new HttpSettings(null, null, null, null, true, true, Map.of());

  public HttpSettings {
    headers = Map.copyOf(headers);
  }

  /** {@code basic_auth}: a user name and a password or a file holding it. */
  public record BasicAuth(String username, String password, Path passwordFile) {}

  /** {@code authorization}: a scheme ({@code Bearer} by default) and credentials or a file holding them. */
  public record Authorization(String type, String credentials, Path credentialsFile) {}

  /** {@code tls_config}: CA, client certificate and key (PEM files), server name, verification and minimum version. */
  public record Tls(Path caFile, Path certFile, Path keyFile, String serverName, boolean insecureSkipVerify,
      String minVersion) {}

  /** Whether this needs more than a plain HTTP client: authentication, TLS settings, a proxy or headers. */
  public boolean isCustom() {
    return !equals(DEFAULT);
  }
}
