package dev.tocsin.logql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogStream;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Streams;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Loki client against MockWebServer serving responses in Loki's documented format. */
class LokiHttpClientTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LokiHttpClient.Builder client() {
    return LokiHttpClient.builder(server.url("/").toString());
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void decodesVectorAndSendsQueryTimeInNanosecondsWithTenantAndAuth() throws Exception {
    respond(
        200,
        """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"container":"quantum_auto_executor","event":"order_submit"},"value":[1767409500.123,"7"]},
          {"metric":{},"value":[1767409500.123,"+Inf"]}
         ],"stats":{"summary":{"execTime":0.0021,"totalBytesProcessed":5310}}}}""");
    Vector v =
        (Vector)
            client().tenant("acme").basicAuth("u", "p").header("X-Extra", "1").build()
                .instantQuery("sum(count_over_time({app=\"x\"}[5m]))", Instant.ofEpochSecond(1767409500, 123_000_000));
    assertThat(v.samples())
        .containsExactly(
            new Sample(Labels.of("container", "quantum_auto_executor", "event", "order_submit"), 1767409500123L, 7),
            new Sample(Labels.EMPTY, 1767409500123L, Double.POSITIVE_INFINITY));
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/loki/api/v1/query");
    assertThat(r.getUrl().queryParameter("query")).isEqualTo("sum(count_over_time({app=\"x\"}[5m]))");
    assertThat(r.getUrl().queryParameter("time")).isEqualTo("1767409500123000000");
    assertThat(r.getHeaders().get("X-Scope-OrgID")).isEqualTo("acme");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Basic dTpw");
    assertThat(r.getHeaders().get("X-Extra")).isEqualTo("1");
  }

  @Test
  void decodesMatrixFromQueryRangeWithStepInSeconds() throws Exception {
    respond(
        200,
        """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"app":"a"},"values":[[300,"0.25"],[315.5,"NaN"]]}]}}""");
    Matrix m =
        (Matrix)
            client().bearerToken("t0k").build()
                .rangeQuery("rate({app=\"a\"}[1m])", Instant.ofEpochSecond(300), Instant.ofEpochSecond(315), Duration.ofMillis(15500));
    Series s = m.series().get(0);
    assertThat((Object) s.metric()).isEqualTo(Labels.of("app", "a"));
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.timestamp(0)).isEqualTo(300_000L);
    assertThat(s.value(0)).isEqualTo(0.25);
    assertThat(s.timestamp(1)).isEqualTo(315_500L);
    assertThat(s.value(1)).isNaN();
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/loki/api/v1/query_range");
    assertThat(r.getUrl().queryParameter("start")).isEqualTo("300000000000");
    assertThat(r.getUrl().queryParameter("end")).isEqualTo("315000000000");
    assertThat(r.getUrl().queryParameter("step")).isEqualTo("15.5");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t0k");
    assertThat(r.getHeaders().get("X-Scope-OrgID")).isNull();
  }

  @Test
  void decodesScalar() {
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767409500,\"2\"]}}");
    assertThat(client().build().instantQuery("1+1", Instant.ofEpochSecond(1767409500)))
        .isEqualTo(new Scalar(1767409500000L, 2));
  }

  @Test
  void decodesStreamsWithStructuredMetadata() throws Exception {
    respond(
        200,
        """
        {"status":"success","data":{"resultType":"streams","result":[
          {"stream":{"app":"a","level":"error"},"values":[
            ["1767409500000000001","boom",{"trace_id":"abc"}],
            ["1767409499000000000","plain"]]},
          {"stream":{"app":"b"},"values":[
            ["1767409500000000000","categorized",{"structuredMetadata":{"pod":"p1"},"parsed":{"x":"1"}}]]}]}}""");
    Streams s = (Streams) client().logLimit(1000).build().instantQuery("{app=~\"a|b\"}", Instant.ofEpochSecond(1767409500));
    assertThat(s.streams()).hasSize(2);
    LogStream a = s.streams().get(0);
    assertThat((Object) a.labels()).isEqualTo(Labels.of("app", "a", "level", "error"));
    assertThat(a.entries().get(0).timestampNanos()).isEqualTo(1767409500000000001L);
    assertThat(a.entries().get(0).line()).isEqualTo("boom");
    assertThat((Object) a.entries().get(0).structuredMetadata()).isEqualTo(Labels.of("trace_id", "abc"));
    assertThat((Object) a.entries().get(1).structuredMetadata()).isEqualTo(Labels.EMPTY);
    assertThat((Object) s.streams().get(1).entries().get(0).structuredMetadata()).isEqualTo(Labels.of("pod", "p1"));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("limit")).isEqualTo("1000");
  }

  @Test
  void plainTextParseErrorIsBadDataWithTheMessage() {
    server.enqueue(
        new MockResponse.Builder().code(400).setHeader("Content-Type", "text/plain; charset=utf-8")
            .body("parse error at line 1, col 7: syntax error: unexpected IDENTIFIER\n").build());
    assertThatThrownBy(() -> client().build().instantQuery("{app=x}", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.BAD_DATA);
          assertThat(e.getMessage()).contains("HTTP 400").contains("parse error at line 1, col 7: syntax error");
        });
  }

  @Test
  void logQueryRejectedByRulerStyleEndpointIsBadData() {
    respond(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"log queries are not supported as an instant query type\"}");
    assertThatThrownBy(() -> client().build().instantQuery("{app=\"x\"}", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.BAD_DATA);
          assertThat(e.getMessage()).contains("log queries are not supported");
        });
  }

  @Test
  void missingTenantIs401WithAHint() {
    server.enqueue(new MockResponse.Builder().code(401).body("no org id\n").build());
    assertThatThrownBy(() -> client().build().instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.getMessage()).contains("HTTP 401").contains("X-Scope-OrgID").contains("no org id");
        });
  }

  @Test
  void rateLimitAndServerErrorsAreUnavailableOrInternal() {
    server.enqueue(new MockResponse.Builder().code(429).body("Ingestion rate limit exceeded").build());
    server.enqueue(new MockResponse.Builder().code(503).body("upstream connect error").build());
    server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(5000)).build());
    server.enqueue(new MockResponse.Builder().code(504).body("request timed out").build());
    LokiHttpClient c = client().build();
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE);
          assertThat(e.getMessage()).contains("429").contains("Ingestion rate limit exceeded");
        });
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE));
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
          assertThat(e.getMessage()).endsWith("...").hasSizeLessThan(700);
        });
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT));
  }

  @Test
  void slowServerTimesOut() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).body("{}").build());
    LokiHttpClient c = client().timeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT));
  }

  @Test
  void unreachableServerIsUnavailable() {
    String url = server.url("/").toString();
    server.close();
    LokiHttpClient c = LokiHttpClient.builder(url).connectTimeout(Duration.ofSeconds(2)).build();
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE));
  }

  @Test
  void malformedBodyIsInternal() {
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}");
    respond(200, "<html>proxy</html>");
    LokiHttpClient c = client().build();
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INTERNAL));
    assertThatThrownBy(() -> c.instantQuery("vector(1)", Instant.EPOCH))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
          assertThat(e.getMessage()).contains("<html>proxy</html>");
        });
  }
}
