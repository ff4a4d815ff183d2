package dev.tocsin.engine.config;

import dev.tocsin.promql.http.HttpClientConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * A Prometheus-compatible or Loki server: base URL, query timeout (default 30s), tenant sent as
 * {@code X-Scope-OrgID} (or {@code null}), Prometheus' {@code http_config} options, the URL its UI
 * is reached at for generator links (default: {@code url}) and, for Loki, a Grafana URL for
 * Explore links (or {@code null}).
 */
public record HttpDatasourceConfig(
    String url, Duration timeout, String tenantId, HttpClientConfig http, String externalUrl, String grafanaUrl)
    implements DatasourceConfig {

  /** Default query timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public HttpDatasourceConfig {
    Objects.requireNonNull(url, "url is null");
    Objects.requireNonNull(timeout, "timeout is null");
    Objects.requireNonNull(http, "http is null");
    externalUrl = externalUrl == null ? url : externalUrl;
  }
}
