package dev.tocsin.notifier.alertmanager;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One Alertmanager to send to: its base URL, Prometheus' {@code path_prefix}, the per-request
 * timeout and the HTTP client the engine built from the {@code http_config} (auth, TLS, proxy).
 */
public record AlertmanagerEndpoint(String url, String pathPrefix, Duration timeout, OkHttpClient client) {
  /** Prometheus' default Alertmanager request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public AlertmanagerEndpoint {
    Objects.requireNonNull(url, "url is null");
    pathPrefix = pathPrefix == null ? "" : pathPrefix;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Alertmanager timeout must be positive, got " + timeout);
    }
    Objects.requireNonNull(client, "client is null");
    if (HttpUrl.parse(url) == null) {
      throw new IllegalArgumentException("invalid Alertmanager URL \"" + url + "\"");
    }
  }

  /** Where alerts are posted: {@code <url><path_prefix>/api/v2/alerts}, slashes normalised. */
  public String alertsUrl() {
    String base = url;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String prefix = pathPrefix.strip();
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    if (!prefix.isEmpty() && !prefix.startsWith("/")) {
      prefix = "/" + prefix;
    }
    return base + prefix + "/api/v2/alerts";
  }
}
