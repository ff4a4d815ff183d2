package dev.tocsin.promql.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.PromDuration;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.QueryResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends query requests to a server speaking Prometheus' query API (Prometheus, Thanos, Mimir,
 * VictoriaMetrics, Loki) and turns every way it can fail into a {@link QueryException}: refused
 * or unknown hosts are {@code unavailable}, a call exceeding its timeout is {@code timeout},
 * non-2xx answers carry the status and the start of the body, and bodies that are not JSON,
 * malformed, or larger than the limit are {@code internal} with an excerpt. One call never
 * outlives its timeout, whatever the server does, and a large body is never read past the limit.
 */
public final class HttpQueryTransport {
  /** The default largest body read: larger answers fail the query instead of filling the heap. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L << 20;

  /** How much of an error body is read: enough for the message, never a whole error page. */
  private static final long ERROR_BODY_BYTES = 64L << 10;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String server;
  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final Map<String, String> headers;
  private final long maxResponseBytes;
  private final Duration timeout;

  /**
   * @param server what the server is called in messages ({@code Prometheus}, {@code Loki})
   * @param headers sent with every request (tenant, fixed extra headers)
   */
  public HttpQueryTransport(String server, HttpUrl baseUrl, OkHttpClient http, Map<String, String> headers,
      long maxResponseBytes, Duration timeout) {
    this.server = Objects.requireNonNull(server, "server is null");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl is null");
    this.http = Objects.requireNonNull(http, "http is null");
    this.headers = Map.copyOf(headers);
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    this.maxResponseBytes = maxResponseBytes;
    this.timeout = Objects.requireNonNull(timeout, "timeout is null");
  }

  /** The base URL with API path segments appended, keeping any path prefix ({@code /prometheus}, {@code /select/0/prometheus}). */
  public HttpUrl.Builder endpoint(String pathSegments) {
    return baseUrl.newBuilder().addPathSegments(pathSegments);
  }

  /** The per-call timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** Sends a request and decodes a successful answer's result, warnings and infos. */
  public QueryResponse execute(Request.Builder request, ApiResults.Decoder decoder) {
    headers.forEach(request::header);
    request.header("Accept", "application/json");
    byte[] body;
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody rb = response.body();
      if (!response.isSuccessful()) {
        String text = new String(prefix(rb, ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        throw HttpErrors.forStatus(server, response.code(), response.message(), text);
      }
      body = readLimited(rb);
    } catch (SecretFile.SecretFileException e) {
      throw new QueryException(ErrorType.INTERNAL, "query to " + server + " at " + baseUrl + " not sent: " + e.getMessage(), e);
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new QueryException(ErrorType.CANCELED, "query to " + server + " at " + baseUrl + " was interrupted", e);
      }
      throw new QueryException(ErrorType.TIMEOUT,
          "query to " + server + " at " + baseUrl + " timed out after " + PromDuration.format(timeout), e);
    } catch (ConnectException | UnknownHostException e) {
      throw new QueryException(ErrorType.UNAVAILABLE, "cannot reach " + server + " at " + baseUrl + ": " + e.getMessage(), e);
    } catch (SSLException e) {
      throw new QueryException(ErrorType.UNAVAILABLE,
          "TLS connection to " + server + " at " + baseUrl + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new QueryException(ErrorType.UNAVAILABLE, "query to " + server + " at " + baseUrl + " failed: " + e.getMessage(), e);
    }
    return decode(body, decoder);
  }

  private QueryResponse decode(byte[] body, ApiResults.Decoder decoder) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw invalid("not JSON", body, e);
    } catch (IOException e) {
      throw invalid("unreadable", body, e);
    }
    if (root == null || !root.isObject()) {
      throw invalid("not a JSON object", body, null);
    }
    String status = root.path("status").asText("");
    if (status.equals("error")) {
      ErrorType type = HttpErrors.errorType(root.path("errorType").asText(""));
      throw new QueryException(type == null ? ErrorType.EXECUTION : type,
          server + " error: " + root.path("error").asText("unknown error"));
    }
    if (!status.equals("success")) {
      throw invalid("no \"status\":\"success\"", body, null);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText("");
    QueryResult result;
    try {
      result = decoder.decode(type, data.get("result"));
    } catch (QueryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw invalid("malformed " + type + " result", body, e);
    }
    if (result == null) {
      throw invalid("unknown resultType \"" + type + "\"", body, null);
    }
    return new QueryResponse(result, strings(root.get("warnings")), strings(root.get("infos")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private QueryException invalid(String what, byte[] body, Exception cause) {
    int n = (int) Math.min(body.length, HttpErrors.EXCERPT_CHARS * 4L);
    String excerpt = HttpErrors.excerpt(new String(body, 0, n, StandardCharsets.UTF_8));
    return new QueryException(ErrorType.INTERNAL,
        "invalid response from " + server + " at " + baseUrl + ": " + what + ": " + excerpt, cause);
  }

  private byte[] readLimited(ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    if (body.contentLength() > maxResponseBytes || body.source().request(maxResponseBytes + 1)) {
      throw new QueryException(ErrorType.INTERNAL, "response from " + server + " at " + baseUrl
          + " is larger than the limit of " + maxResponseBytes + " bytes");
    }
    return body.source().getBuffer().readByteArray();
  }

  private static byte[] prefix(ResponseBody body, long limit) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    BufferedSource source = body.source();
    source.request(limit);
    return source.getBuffer().readByteArray(Math.min(limit, source.getBuffer().size()));
  }
}
