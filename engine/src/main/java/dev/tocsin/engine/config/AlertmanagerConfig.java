package dev.tocsin.engine.config;

import dev.tocsin.promql.http.HttpClientConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * One Alertmanager: its base URL, a path prefix added before {@code /api/v2/alerts} (default
 * empty), the request timeout (default 10s) and Prometheus' {@code http_config} options.
 */
public record AlertmanagerConfig(String url, String pathPrefix, Duration timeout, HttpClientConfig http) {
  /** Prometheus' default Alertmanager timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public AlertmanagerConfig {
    Objects.requireNonNull(url, "url is null");
    pathPrefix = pathPrefix == null ? "" : pathPrefix;
    Objects.requireNonNull(timeout, "timeout is null");
    Objects.requireNonNull(http, "http is null");
  }
}
