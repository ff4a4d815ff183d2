package dev.tocsin.promql.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Turns an {@link HttpClientConfig} and a timeout into an OkHttp client. All clients made here
 * share one connection pool and dispatcher (OkHttp keys pooled connections by address, TLS
 * settings and proxy, so differently configured clients never share a connection by mistake).
 */
public final class HttpClients {
  private static final OkHttpClient SHARED = new OkHttpClient.Builder()
      .connectionPool(new ConnectionPool(16, 5, java.util.concurrent.TimeUnit.MINUTES))
      .dispatcher(new Dispatcher())
      .build();

  private HttpClients() {}

  /** The client every configured client derives from; pass it to share its pool with other code. */
  public static OkHttpClient shared() {
    return SHARED;
  }

  /**
   * A client for a configuration, derived from {@link #shared()}: the whole call (connect, send,
   * wait, read the body) is bounded by {@code timeout}; connecting by at most 10 seconds.
   *
   * @throws IllegalArgumentException naming the file or key when the TLS files, the proxy URL or
   *     {@code min_version} are bad
   */
  public static OkHttpClient create(HttpClientConfig config, Duration timeout) {
    return create(SHARED, config, timeout, timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10));
  }

  /** As {@link #create(HttpClientConfig, Duration)}, derived from {@code base} and with a given connect timeout. */
  public static OkHttpClient create(OkHttpClient base, HttpClientConfig config, Duration timeout, Duration connectTimeout) {
    Objects.requireNonNull(config, "config is null");
    OkHttpClient.Builder b = base.newBuilder()
        .callTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .connectTimeout(connectTimeout)
        .followRedirects(config.followRedirects())
        .followSslRedirects(config.followRedirects());
    if (!config.enableHttp2()) {
      b.protocols(List.of(Protocol.HTTP_1_1));
    }
    RequestCredentials credentials = RequestCredentials.of(config);
    if (credentials != null) {
      b.addInterceptor(credentials);
    }
    if (config.tlsConfig() != null) {
      TlsSetup.apply(b, config.tlsConfig());
    }
    if (config.proxyUrl() != null && !config.proxyUrl().isEmpty()) {
      proxy(b, config.proxyUrl());
    }
    return b.build();
  }

  private static void proxy(OkHttpClient.Builder b, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("proxy_url: invalid URL \"" + url + "\": " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    Proxy.Type type = switch (scheme) {
      case "http", "https" -> Proxy.Type.HTTP;
      case "socks5" -> Proxy.Type.SOCKS;
      default -> throw new IllegalArgumentException(
          "proxy_url: unsupported scheme in \"" + url + "\" (want http, https or socks5)");
    };
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("proxy_url: no host in \"" + url + "\"");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("socks5") ? 1080 : 80;
    b.proxy(new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), port)));
    String userInfo = uri.getUserInfo();
    if (userInfo != null && type == Proxy.Type.HTTP) {
      int colon = userInfo.indexOf(':');
      String header = colon < 0 ? Credentials.basic(userInfo, "") :
          Credentials.basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
      b.proxyAuthenticator((route, response) ->
          response.request().header("Proxy-Authorization") != null ? null
              : response.request().newBuilder().header("Proxy-Authorization", header).build());
    }
  }
}
