package dev.tocsin.logql.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.QueryResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Queries a Loki server over HTTP: {@code /loki/api/v1/query} and {@code /loki/api/v1/query_range},
 * with the {@code X-Scope-OrgID} tenant, basic auth or a bearer token, extra headers, TLS options
 * and timeouts. Loki's errors (plain-text bodies on 400, 401 "no org id", 429, 5xx) become {@link
 * QueryException}s naming the status and quoting the start of the body.
 */
public final class LokiHttpClient implements QueryClient {
  /** How much of an error body a message quotes. */
  static final int EXCERPT_CHARS = 512;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final Map<String, String> headers;
  private final int logLimit;

  private LokiHttpClient(Builder b) {
    HttpUrl url = HttpUrl.parse(b.baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("invalid Loki URL: " + b.baseUrl);
    }
    this.baseUrl = url;
    OkHttpClient.Builder hb = (b.client != null ? b.client.newBuilder() : new OkHttpClient.Builder())
        .callTimeout(b.timeout)
        .readTimeout(b.timeout)
        .connectTimeout(b.connectTimeout)
        .followRedirects(true);
    if (b.sslSocketFactory != null) {
      hb.sslSocketFactory(b.sslSocketFactory, b.trustManager);
    }
    if (b.hostnameVerifier != null) {
      hb.hostnameVerifier(b.hostnameVerifier);
    }
    this.http = hb.build();
    Map<String, String> h = new LinkedHashMap<>(b.headers);
    if (b.tenant != null) {
      h.put("X-Scope-OrgID", b.tenant);
    }
    if (b.authorization != null) {
      h.put("Authorization", b.authorization);
    }
    this.headers = Map.copyOf(h);
    this.logLimit = b.logLimit;
  }

  /** Starts a client for a Loki base URL such as {@code http://localhost:3100}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** Options of a {@link LokiHttpClient}. */
  public static final class Builder {
    private final String baseUrl;
    private String tenant;
    private String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(1);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private OkHttpClient client;
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private HostnameVerifier hostnameVerifier;
    private int logLimit;

    private Builder(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl is null");
    }

    /** The tenant sent as {@code X-Scope-OrgID} (multi-tenant Loki answers 401 "no org id" without it). */
    public Builder tenant(String tenantId) {
      this.tenant = tenantId;
      return this;
    }

    /** HTTP basic authentication. */
    public Builder basicAuth(String username, String password) {
      this.authorization =
          "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** A bearer token ({@code Authorization: Bearer ...}). */
    public Builder bearerToken(String token) {
      this.authorization = "Bearer " + token;
      return this;
    }

    /** An extra header sent with every request. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The whole-call and read timeout (Loki's own {@code query_timeout} defaults to 1m). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout is null");
      return this;
    }

    /** The connect timeout. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout is null");
      return this;
    }

    /** TLS: the socket factory and trust manager (client certificates, custom CA, insecure mode). */
    public Builder tls(SSLSocketFactory factory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(factory, "factory is null");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager is null");
      return this;
    }

    /** TLS: a host name verifier (e.g. for {@code server_name} or insecure mode). */
    public Builder hostnameVerifier(HostnameVerifier verifier) {
      this.hostnameVerifier = verifier;
      return this;
    }

    /** The {@code limit} parameter: the most log lines a log query returns (Loki's default is 100). */
    public Builder logLimit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit must be positive");
      }
      this.logLimit = limit;
      return this;
    }

    /** A base OkHttp client to share connection pools and dispatchers; the options above are applied on top. */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = client;
      return this;
    }

    public LokiHttpClient build() {
      return new LokiHttpClient(this);
    }
  }

  @Override
  public QueryResult instantQuery(String expr, Instant time) {
    HttpUrl url = endpoint("query").addQueryParameter("query", expr).addQueryParameter("time", nanos(time)).build();
    return execute(url);
  }

  @Override
  public QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
    HttpUrl url =
        endpoint("query_range")
            .addQueryParameter("query", expr)
            .addQueryParameter("start", nanos(start))
            .addQueryParameter("end", nanos(end))
            .addQueryParameter("step", seconds(step))
            .build();
    return execute(url);
  }

  private HttpUrl.Builder endpoint(String name) {
    HttpUrl.Builder b = baseUrl.newBuilder().addPathSegments("loki/api/v1/" + name);
    if (logLimit > 0) {
      b.addQueryParameter("limit", Integer.toString(logLimit));
    }
    return b;
  }

  private static String nanos(Instant t) {
    return java.math.BigInteger.valueOf(t.getEpochSecond())
        .multiply(java.math.BigInteger.valueOf(1_000_000_000L))
        .add(java.math.BigInteger.valueOf(t.getNano()))
        .toString();
  }

  private static String seconds(Duration d) {
    return new java.math.BigDecimal(d.getSeconds()).add(java.math.BigDecimal.valueOf(d.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  private QueryResult execute(HttpUrl url) {
    Request.Builder rb = new Request.Builder().url(url).get().header("Accept", "application/json");
    headers.forEach(rb::header);
    String body;
    int code;
    try (Response response = http.newCall(rb.build()).execute()) {
      code = response.code();
      ResponseBody rbody = response.body();
      body = rbody == null ? "" : rbody.string();
      if (!response.isSuccessful()) {
        throw LokiErrors.forStatus(code, response.message(), body);
      }
    } catch (InterruptedIOException e) {
      throw new QueryException(ErrorType.TIMEOUT, "query to Loki at " + baseUrl + " timed out: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new QueryException(ErrorType.UNAVAILABLE, "cannot reach Loki at " + baseUrl + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new QueryException(ErrorType.INTERNAL, "invalid JSON from Loki: " + LokiErrors.excerpt(body), e);
    }
    return LokiResponses.decode(root, body);
  }
}
