package dev.tocsin.promql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus client against a real Prometheus 2.42 scraping itself every second. */
class PrometheusHttpClientIT {
  @TempDir static Path dir;
  private static PeerProcess prometheus;
  private static PrometheusHttpClient client;

  @BeforeAll
  static void startPrometheus() throws Exception {
    Path binary = SharedDir.peers().resolve("usr/bin/prometheus");
    assertThat(binary).as("prometheus unpacked by scripts/peers.sh").exists();
    int port = PeerProcess.freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global: {scrape_interval: 1s}
        scrape_configs:
          - job_name: self
            static_configs: [{targets: ['127.0.0.1:%d']}]
        """.formatted(port));
    Files.createDirectories(dir.resolve("data"));
    String url = "http://127.0.0.1:" + port;
    prometheus = PeerProcess.start(List.of(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port), dir, dir.resolve("server.log"), url,
        "/-/ready");
    client = PrometheusHttpClient.builder(url).timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plusSeconds(20);
    while (((Vector) client.instantQuery("up{job=\"self\"}", Instant.now())).samples().isEmpty()) {
      assertThat(Instant.now()).as("a first scrape within 20s").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void vectorScalarAndString() {
    Instant now = Instant.now();
    Vector v = (Vector) client.instantQuery("up{job=\"self\"}", now);
    assertThat(v.samples()).hasSize(1);
    assertThat(v.samples().get(0).metric().get("instance")).isEqualTo(prometheus.url().substring("http://".length()));
    assertThat(v.samples().get(0).value()).isEqualTo(1);
    assertThat(v.samples().get(0).timestamp()).isEqualTo(now.toEpochMilli());
    assertThat(client.instantQuery("scalar(up{job=\"self\"}) * 2", now)).isEqualTo(new Scalar(now.toEpochMilli(), 2));
    assertThat(client.instantQuery("1 / 0", now)).isEqualTo(new Scalar(now.toEpochMilli(), Double.POSITIVE_INFINITY));
    assertThat(((Scalar) client.instantQuery("0 / 0", now)).value()).isNaN();
    assertThat(client.instantQuery("\"tocsin\"", now)).isEqualTo(new StringResult(now.toEpochMilli(), "tocsin"));
  }

  @Test
  void matrixFromRangeAndFromARangeSelector() {
    Instant end = Instant.now();
    Matrix range = (Matrix) client.rangeQuery("up{job=\"self\"}", end.minusSeconds(2), end, Duration.ofSeconds(1));
    assertThat(range.series()).hasSize(1);
    Series s = range.series().get(0);
    assertThat(s.size()).isBetween(1, 3);
    assertThat(s.timestamp(s.size() - 1)).isEqualTo(end.toEpochMilli());
    Matrix raw = (Matrix) client.instantQuery("up{job=\"self\"}[1m]", end);
    assertThat(raw.series().get(0).size()).isPositive();
  }

  @Test
  void parseErrorIsBadData() {
    QueryException e = catchThrowableOfType(QueryException.class, () -> client.instantQuery("sum(", Instant.now()));
    assertThat(e.type()).isEqualTo(ErrorType.BAD_DATA);
    assertThat(e.getMessage()).startsWith("Prometheus error bad_data (HTTP 400 Bad Request): invalid parameter \"query\": ")
        .contains("unclosed left parenthesis");
  }

  @Test
  void executionErrorIsTypedAndWarningsAreExposed() {
    QueryResponse r = client.instant("rate(up{job=\"self\"}[1m])", Instant.now());
    assertThat(r.result()).isInstanceOf(Vector.class);
    assertThat(r.warnings()).isEmpty();
    QueryException e = catchThrowableOfType(QueryException.class,
        () -> client.instantQuery("label_replace(up, \"job\", \"x\", \"job\", \"(\")", Instant.now()));
    assertThat(e.type()).isEqualTo(ErrorType.EXECUTION);
    assertThat(e.getMessage()).startsWith("Prometheus error execution (HTTP 422 Unprocessable Entity): ")
        .contains("invalid regular expression");
  }
}
