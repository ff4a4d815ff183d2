package dev.tocsin.promql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus client against MockWebServer: request shape, result decoding and every fault. */
class PrometheusHttpClientTest {
  private static final Instant T = Instant.ofEpochSecond(1767409500, 123_000_000);
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

  private PrometheusHttpClient.Builder client() {
    return PrometheusHttpClient.builder(server.url("/").toString());
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build());
  }

  private static QueryException failure(ThrowingCallable call) {
    try {
      call.call();
    } catch (QueryException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected a QueryException, got " + t, t);
    }
    throw new AssertionError("expected a QueryException, got none");
  }

  private static HttpUrl form(RecordedRequest r) {
    return HttpUrl.get("http://x/?" + r.getBody().utf8());
  }

  @Test
  void postsAFormWithDecimalSecondsAndTimeoutAndDecodesAVector() throws Exception {
    respond(200, """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"up","job":"api"},"value":[1767409500.123,"1"]},
          {"metric":{"job":"b"},"value":[1767409500.123,"NaN"]},
          {"metric":{},"value":[1767409500.123,"-Inf"]}]}}""");
    Vector v = (Vector) client().timeout(Duration.ofMillis(1500)).build().instantQuery("up{job=~\"a.*\"}", T);
    assertThat(v.samples()).hasSize(3);
    assertThat(v.samples().get(0)).isEqualTo(new Sample(Labels.of("__name__", "up", "job", "api"), 1767409500123L, 1));
    assertThat(v.samples().get(1).value()).isNaN();
    assertThat(v.samples().get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/query");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    HttpUrl form = form(r);
    assertThat(form.queryParameter("query")).isEqualTo("up{job=~\"a.*\"}");
    assertThat(form.queryParameter("time")).isEqualTo("1767409500.123");
    assertThat(form.queryParameter("timeout")).isEqualTo("1s500ms");
    assertThat(r.getHeaders().get("X-Scope-OrgID")).isNull();
  }

  @Test
  void keepsThePathPrefixAndSendsTheTenant() throws Exception {
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
    PrometheusHttpClient.builder(server.url("/prometheus").toString()).tenant("team-a").build().instantQuery("up", T);
    PrometheusHttpClient.builder(server.url("/select/0/prometheus/").toString()).build().instantQuery("up", T);
    RecordedRequest mimir = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(mimir.getUrl().encodedPath()).isEqualTo("/prometheus/api/v1/query");
    assertThat(mimir.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/select/0/prometheus/api/v1/query");
  }

  @Test
  void decodesScalarStringAndMatrixFromQueryRange() throws Exception {
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767409500,\"+Inf\"]}}");
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1767409500.5,\"hello\"]}}");
    respond(200, """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"__name__":"up"},"values":[[300,"1"],[315.5,"0.25"]]}]}}""");
    PrometheusHttpClient c = client().build();
    assertThat(c.instantQuery("1/0", T)).isEqualTo(new Scalar(1767409500000L, Double.POSITIVE_INFINITY));
    assertThat(c.instantQuery("\"hello\"", T)).isEqualTo(new StringResult(1767409500500L, "hello"));
    Matrix m = (Matrix) c.rangeQuery("up", Instant.ofEpochSecond(300), Instant.ofEpochSecond(315, 500_000_000),
        Duration.ofMillis(15500));
    assertThat(m.series()).containsExactly(
        new Series(Labels.of("__name__", "up"), new long[] {300_000, 315_500}, new double[] {1, 0.25}));
    server.takeRequest(5, TimeUnit.SECONDS);
    server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/query_range");
    HttpUrl form = form(r);
    assertThat(form.queryParameter("start")).isEqualTo("300");
    assertThat(form.queryParameter("end")).isEqualTo("315.5");
    assertThat(form.queryParameter("step")).isEqualTo("15.5");
    assertThat(form.queryParameter("timeout")).isEqualTo("1m");
  }

  @Test
  void exposesWarningsAndInfos() {
    respond(200, """
        {"status":"success","data":{"resultType":"vector","result":[]},
         "warnings":["PromQL warning: encountered a mix of histograms and floats"],"infos":["PromQL info: x"]}""");
    QueryResponse r = client().build().instant("rate(x[5m])", T);
    assertThat(r.result()).isEqualTo(Vector.EMPTY);
    assertThat(r.warnings()).containsExactly("PromQL warning: encountered a mix of histograms and floats");
    assertThat(r.infos()).containsExactly("PromQL info: x");
  }

  @Test
  void prometheusErrorJsonKeepsItsErrorTypeAndMessage() {
    respond(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis\"}");
    respond(422, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"vector cannot contain metrics with the same labelset\"}");
    respond(500, "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"expanding series: boom\"}");
    respond(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
    PrometheusHttpClient c = client().build();
    QueryException bad = failure(() -> c.instantQuery("sum(", T));
    assertThat(bad.type()).isEqualTo(ErrorType.BAD_DATA);
    assertThat(bad.getMessage()).isEqualTo("Prometheus error bad_data (HTTP 400 Client Error): invalid parameter \"query\": "
        + "1:5: parse error: unclosed left parenthesis");
    QueryException exec = failure(() -> c.instantQuery("x", T));
    assertThat(exec.type()).isEqualTo(ErrorType.EXECUTION);
    assertThat(exec.getMessage()).contains("HTTP 422").contains("same labelset");
    assertThat(failure(() -> c.instantQuery("x", T)).type()).isEqualTo(ErrorType.INTERNAL);
    QueryException timeout = failure(() -> c.instantQuery("x", T));
    assertThat(timeout.type()).isEqualTo(ErrorType.TIMEOUT);
    assertThat(timeout.getMessage()).contains("HTTP 503").contains("query timed out in expression evaluation");
  }

  @Test
  void errorStatusInASuccessfulAnswerIsStillAnError() {
    respond(200, "{\"status\":\"error\",\"errorType\":\"canceled\",\"error\":\"query was canceled\"}");
    QueryException e = failure(() -> client().build().instantQuery("x", T));
    assertThat(e.type()).isEqualTo(ErrorType.CANCELED);
    assertThat(e.getMessage()).isEqualTo("Prometheus error: query was canceled");
  }

  @Test
  void plainStatusesAreTypedByCode() {
    server.enqueue(new MockResponse.Builder().code(503).body("upstream connect error or disconnect/reset").build());
    server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
    server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(5000)).build());
    PrometheusHttpClient c = client().build();
    QueryException unavailable = failure(() -> c.instantQuery("x", T));
    assertThat(unavailable.type()).isEqualTo(ErrorType.UNAVAILABLE);
    assertThat(unavailable.getMessage()).contains("HTTP 503").contains("upstream connect error");
    assertThat(failure(() -> c.instantQuery("x", T)).getMessage()).contains("path prefix").contains("404 page not found");
    QueryException big = failure(() -> c.instantQuery("x", T));
    assertThat(big.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(big.getMessage()).endsWith("...").hasSizeLessThan(700);
  }

  @Test
  void htmlPageIsAnInvalidResponseWithAnExcerpt() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<!DOCTYPE html>\n<html><body>Please log in</body></html>").build());
    server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><head><title>502 Bad Gateway</title></head></html>").build());
    PrometheusHttpClient c = client().build();
    QueryException ok200 = failure(() -> c.instantQuery("x", T));
    assertThat(ok200.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(ok200.getMessage()).startsWith("invalid response from Prometheus at " + server.url("/") + ": not JSON: ")
        .contains("<!DOCTYPE html> <html><body>Please log in");
    QueryException gateway = failure(() -> c.instantQuery("x", T));
    assertThat(gateway.type()).isEqualTo(ErrorType.UNAVAILABLE);
    assertThat(gateway.getMessage()).contains("HTTP 502").contains("<title>502 Bad Gateway</title>");
  }

  @Test
  void truncatedAndMalformedJsonAreInvalidResponses() {
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"job\":");
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}");
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[]}}");
    respond(200, "[1,2]");
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"one\"]}]}}");
    PrometheusHttpClient c = client().build();
    assertThat(failure(() -> c.instantQuery("x", T)).getMessage()).contains("not JSON").contains("{\"status\":\"success\"");
    assertThat(failure(() -> c.instantQuery("x", T)).getMessage()).contains("malformed vector result");
    assertThat(failure(() -> c.instantQuery("x", T)).getMessage()).contains("unknown resultType \"streams\"");
    assertThat(failure(() -> c.instantQuery("x", T)).getMessage()).contains("not a JSON object");
    QueryException value = failure(() -> c.instantQuery("x", T));
    assertThat(value.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(value.getMessage()).contains("malformed vector result");
  }

  @Test
  void nativeHistogramSamplesAreRejectedClearly() {
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
        + "\"histogram\":[1,{\"count\":\"1\",\"sum\":\"1\"}]}]}}");
    QueryException e = failure(() -> client().build().instantQuery("h", T));
    assertThat(e.type()).isEqualTo(ErrorType.EXECUTION);
    assertThat(e.getMessage()).contains("native histogram");
  }

  @Test
  void oversizedBodiesFailOnlyThatQuery() {
    String big = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + "{\"metric\":{\"a\":\"b\"},\"value\":[1,\"1\"]},".repeat(280_000) + "{}]}}";
    assertThat(big.length()).isGreaterThan(10_000_000);
    respond(200, big);
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody(big, 65536).build());
    respond(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"2\"]}}");
    PrometheusHttpClient c = client().timeout(Duration.ofSeconds(10)).build();
    QueryException declared = failure(() -> c.instantQuery("x", T));
    assertThat(declared.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(declared.getMessage()).contains("larger than the limit of 8388608 bytes");
    assertThat(failure(() -> c.instantQuery("x", T)).getMessage()).contains("larger than the limit");
    assertThat(c.instantQuery("x", T)).isEqualTo(new Scalar(1000, 2));
  }

  @Test
  void refusedConnectionIsUnavailable() {
    String url = server.url("/").toString();
    server.close();
    QueryException e = failure(() -> PrometheusHttpClient.builder(url).build().instantQuery("up", T));
    assertThat(e.type()).isEqualTo(ErrorType.UNAVAILABLE);
    assertThat(e.getMessage()).startsWith("cannot reach Prometheus at " + url + ": ");
  }

  @Test
  void hangingServerTimesOutWithinTheConfiguredTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(200).throttleBody(1, 1, TimeUnit.SECONDS)
        .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}").build());
    PrometheusHttpClient c = client().timeout(Duration.ofMillis(200)).build();
    for (int i = 0; i < 2; i++) {
      long t0 = System.nanoTime();
      QueryException e = failure(() -> c.instantQuery("up", T));
      long tookMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("query to Prometheus at " + server.url("/") + " timed out after 200ms");
      // Bounded by the call timeout, not by the server: far below the seconds the server would take.
      assertThat(tookMs).isLessThan(2000);
    }
  }

  @Test
  void badUrlIsRejectedAtBuildTime() {
    assertThatThrownBy(() -> PrometheusHttpClient.builder("localhost:9090").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid Prometheus URL \"localhost:9090\": want http:// or https://");
  }
}
