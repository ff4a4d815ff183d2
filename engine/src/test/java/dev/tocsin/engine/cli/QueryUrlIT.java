package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code tocsin query --url}: PromQL to a Prometheus-shaped server, LogQL to Loki, errors on one line. */
class QueryUrlIT {
  private MockWebServer server;
  private String url;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    url = server.url("/").toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void promqlGoesToTheQueryApiWithTenantAndPrintsInPromtoolForm() throws Exception {
    respond(200, """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"up","job":"api"},"value":[1767409500,"0"]}]},"warnings":["partial response"]}""");
    ProcessResult r = Processes.tocsin(null, "query", "--url", url + "prometheus", "--tenant", "acme",
        "--time", "1767409500", "up == 0");
    assertThat(r.stdout()).isEqualTo("up{job=\"api\"} => 0 @[1767409500]\n");
    assertThat(r.stderr()).isEqualTo("warning: partial response\n");
    assertThat(r.exitCode()).isZero();
    RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(req.getMethod() + " " + req.getUrl().encodedPath()).isEqualTo("POST /prometheus/api/v1/query");
    assertThat(req.getHeaders().get("X-Scope-OrgID")).isEqualTo("acme");
    assertThat(req.getBody().utf8()).isEqualTo("query=up+%3D%3D+0&time=1767409500&timeout=1m");
  }

  @Test
  void rangeAndJson() throws Exception {
    respond(200, """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"__name__":"up"},"values":[[60,"1"],[90,"NaN"]]}]}}""");
    ProcessResult r = Processes.tocsin(null, "query", "--url", url, "--json", "--range", "60", "90", "30s", "up");
    assertThat(r.stdout()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        + "{\"metric\":{\"__name__\":\"up\"},\"values\":[[60,\"1\"],[90,\"NaN\"]]}]}}\n");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
        .isEqualTo("query=up&start=60&end=90&step=30&timeout=1m");
  }

  @Test
  void logqlGoesToLoki() throws Exception {
    respond(200, """
        {"status":"success","data":{"resultType":"vector","result":[{"metric":{"level":"error"},"value":[1767409500,"5"]}]}}""");
    respond(200, """
        {"status":"success","data":{"resultType":"streams","result":[
          {"stream":{"app":"shop"},"values":[["1767409500000000000","boom"]]}]}}""");
    ProcessResult metric = Processes.tocsin(null, "query", "--url", url, "--time", "1767409500",
        "sum by (level) (count_over_time({app=\"shop\"} |= \"err\" [5m]))");
    assertThat(metric.stdout()).isEqualTo("{level=\"error\"} => 5 @[1767409500]\n");
    ProcessResult logs = Processes.tocsin(null, "query", "--url", url, "--time", "1767409500", "{app=\"shop\"} |= \"boom\"");
    assertThat(logs.stdout()).isEqualTo("{app=\"shop\"}\n  2026-01-03T03:05:00Z boom\n");
    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getUrl().encodedPath()).isEqualTo("/loki/api/v1/query");
    assertThat(first.getUrl().queryParameter("time")).isEqualTo("1767409500000000000");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/loki/api/v1/query");
  }

  @Test
  void serverErrorsAreOneLineAndExitOne() {
    respond(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left parenthesis\"}");
    ProcessResult bad = Processes.tocsin(null, "query", "--url", url, "sum(");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).isEqualTo("Error executing query: Prometheus error bad_data (HTTP 400 Client Error): "
        + "1:5: parse error: unclosed left parenthesis\n");
    server.enqueue(new MockResponse.Builder().code(200).body("<html>login</html>").build());
    ProcessResult html = Processes.tocsin(null, "query", "--url", url, "up");
    assertThat(html.stderr()).isEqualTo("Error executing query: invalid response from Prometheus at " + url
        + ": not JSON: <html>login</html>\n");
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    ProcessResult hang = Processes.tocsin(null, "query", "--url", url, "--timeout", "200ms", "up");
    assertThat(hang.exitCode()).isEqualTo(1);
    assertThat(hang.stderr()).isEqualTo("Error executing query: query to Prometheus at " + url + " timed out after 200ms\n");
  }

  @Test
  void unreachableServerAndBadUrlAreClearErrors() {
    server.close();
    ProcessResult refused = Processes.tocsin(null, "query", "--url", url, "up");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).startsWith("Error executing query: cannot reach Prometheus at " + url + ": ")
        .doesNotContain("Exception").hasLineCount(1);
    ProcessResult badUrl = Processes.tocsin(null, "query", "--url", "localhost:9090", "up");
    assertThat(badUrl.exitCode()).isEqualTo(1);
    assertThat(badUrl.stderr()).isEqualTo("tocsin: error: invalid Prometheus URL \"localhost:9090\": want http:// or https://\n");
    ProcessResult badType = Processes.tocsin(null, "query", "--url", url, "--type", "graphite", "up");
    assertThat(badType.exitCode()).isEqualTo(2);
    assertThat(badType.stderr()).contains("invalid --type \"graphite\"");
  }
}
