package dev.tocsin.notifier.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@code webhook_configs} entry: where to POST (a URL, or a file holding it, read at each
 * notification), whether resolved notifications are sent (default true), the most alerts per
 * payload (0: all), a per-request timeout (zero: none) and the HTTP client settings.
 */
public record WebhookConfig(boolean sendResolved, String url, Path urlFile, int maxAlerts, Duration timeout,
    HttpSettings http) implements IntegrationConfig {
  public WebhookConfig {
    if ((url == null) == (urlFile == null)) {
      throw new IllegalArgumentException("exactly one of url and url_file must be set");
    }
    Objects.requireNonNull(timeout, "timeout is null");
    Objects.requireNonNull(http, "http is null");
  }
}
