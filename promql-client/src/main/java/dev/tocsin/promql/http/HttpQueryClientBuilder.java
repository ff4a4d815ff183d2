package dev.tocsin.promql.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The options every HTTP query client takes: base URL, tenant, {@code http_config}, fixed extra
 * headers, timeouts, the body size limit and a base OkHttp client to share pools with.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class HttpQueryClientBuilder<B extends HttpQueryClientBuilder<B>> {
  private final String baseUrl;
  private String tenant;
  private HttpClientConfig config = HttpClientConfig.DEFAULT;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration timeout = Duration.ofMinutes(1);
  private Duration connectTimeout = Duration.ofSeconds(10);
  private OkHttpClient client = HttpClients.shared();
  private long maxResponseBytes = HttpQueryTransport.DEFAULT_MAX_RESPONSE_BYTES;

  protected HttpQueryClientBuilder(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl is null");
  }

  /** This builder, typed as the subclass. */
  protected abstract B self();

  /** The tenant sent as {@code X-Scope-OrgID} (Mimir, Cortex, Loki; multi-tenant servers answer 401 "no org id" without it). */
  public B tenant(String tenantId) {
    this.tenant = tenantId == null || tenantId.isEmpty() ? null : tenantId;
    return self();
  }

  /** Prometheus' {@code http_config}: authentication, headers, TLS, proxy, redirects. */
  public B httpConfig(HttpClientConfig httpConfig) {
    this.config = Objects.requireNonNull(httpConfig, "httpConfig is null");
    return self();
  }

  /** HTTP basic authentication, replacing any authentication in the {@code http_config}. */
  public B basicAuth(String username, String password) {
    config = new HttpClientConfig(new HttpClientConfig.BasicAuth(username, null, password, null), null,
        config.httpHeaders(), config.tlsConfig(), config.proxyUrl(), config.followRedirects(), config.enableHttp2());
    return self();
  }

  /** A bearer token ({@code Authorization: Bearer ...}), replacing any authentication in the {@code http_config}. */
  public B bearerToken(String token) {
    config = new HttpClientConfig(null, new HttpClientConfig.Authorization("Bearer", token, null),
        config.httpHeaders(), config.tlsConfig(), config.proxyUrl(), config.followRedirects(), config.enableHttp2());
    return self();
  }

  /** An extra header sent with every request. */
  public B header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(value, "value is null"));
    return self();
  }

  /** The bound on a whole call, from connecting to reading the last byte (default 1m). */
  public B timeout(Duration callTimeout) {
    this.timeout = positive(callTimeout);
    return self();
  }

  /** The connect timeout (default 10s, never more than the call timeout). */
  public B connectTimeout(Duration connect) {
    this.connectTimeout = positive(connect);
    return self();
  }

  /** The largest response body read; a larger one fails the query (default 8 MiB). */
  public B maxResponseBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    this.maxResponseBytes = bytes;
    return self();
  }

  /** A base OkHttp client whose connection pool and dispatcher are shared (default {@link HttpClients#shared()}). */
  public B okHttpClient(OkHttpClient base) {
    this.client = Objects.requireNonNull(base, "base is null");
    return self();
  }

  /**
   * The transport these options describe; {@code server} names the server in messages.
   *
   * @throws IllegalArgumentException for a bad URL or bad TLS or proxy settings
   */
  protected HttpQueryTransport transport(String server) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("invalid " + server + " URL \"" + baseUrl + "\": want http:// or https://");
    }
    Duration connect = connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout;
    OkHttpClient http = HttpClients.create(client, config, timeout, connect);
    Map<String, String> h = new LinkedHashMap<>(headers);
    if (tenant != null) {
      h.put("X-Scope-OrgID", tenant);
    }
    return new HttpQueryTransport(server, url, http, h, maxResponseBytes, timeout);
  }

  private static Duration positive(Duration d) {
    Objects.requireNonNull(d, "duration is null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    return d;
  }
}
