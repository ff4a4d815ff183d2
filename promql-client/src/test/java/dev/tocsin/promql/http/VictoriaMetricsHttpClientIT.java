package dev.tocsin.promql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tocsin.model.Labels;
import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Vector;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus client against a real VictoriaMetrics 1.79 holding imported samples. */
class VictoriaMetricsHttpClientIT {
  @TempDir static Path dir;
  private static PeerProcess vm;
  private static PrometheusHttpClient client;
  /** Samples an hour old, so VictoriaMetrics' latency offset (30s) hides none of them. */
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));

  @BeforeAll
  static void startAndImport() throws Exception {
    Path binary = SharedDir.peers().resolve("usr/bin/victoria-metrics");
    assertThat(binary).as("victoria-metrics unpacked by scripts/peers.sh").exists();
    int port = PeerProcess.freePort();
    String url = "http://127.0.0.1:" + port;
    vm = PeerProcess.start(List.of(binary.toString(), "-httpListenAddr=127.0.0.1:" + port,
        "-storageDataPath=" + dir.resolve("data")), dir, dir.resolve("server.log"), url, "/health");
    long t = T0.toEpochMilli();
    String body = "tocsin_test{job=\"a\"} 1 " + t + "\ntocsin_test{job=\"b\"} 2.5 " + t + "\n"
        + "tocsin_test{job=\"a\"} 3 " + (t + 60_000) + "\ntocsin_test{job=\"b\"} 4 " + (t + 60_000) + "\n";
    OkHttpClient http = new OkHttpClient();
    try (Response r = http.newCall(new Request.Builder().url(url + "/api/v1/import/prometheus")
        .post(RequestBody.create(body, MediaType.get("text/plain"))).build()).execute()) {
      assertThat(r.code()).as("import").isEqualTo(204);
    }
    try (Response r = http.newCall(new Request.Builder().url(url + "/internal/force_flush").build()).execute()) {
      assertThat(r.code()).as("flush").isEqualTo(200);
    }
    client = PrometheusHttpClient.builder(url).timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plusSeconds(20);
    while (((Vector) client.instantQuery("tocsin_test", T0.plusSeconds(60))).samples().size() < 2) {
      assertThat(Instant.now()).as("imported samples visible within 20s").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (vm != null) {
      vm.close();
    }
  }

  @Test
  void vectorAndScalarOfImportedSamples() {
    Instant at = T0.plusSeconds(60);
    Vector v = (Vector) client.instantQuery("tocsin_test", at);
    assertThat(v.samples()).containsExactlyInAnyOrder(
        new Sample(Labels.of("__name__", "tocsin_test", "job", "a"), at.toEpochMilli(), 3),
        new Sample(Labels.of("__name__", "tocsin_test", "job", "b"), at.toEpochMilli(), 4));
    // VictoriaMetrics 1.79 answers scalar() as a one-element vector without labels, not as a scalar.
    assertThat(client.instantQuery("scalar(sum(tocsin_test))", at))
        .isEqualTo(new Vector(List.of(new Sample(Labels.EMPTY, at.toEpochMilli(), 7))));
    assertThat(client.instant("sum(tocsin_test)", at).warnings()).isEmpty();
  }

  @Test
  void matrixOfImportedSamples() {
    Matrix m = (Matrix) client.rangeQuery("tocsin_test{job=\"b\"}", T0, T0.plusSeconds(60), Duration.ofSeconds(60));
    assertThat(m.series()).containsExactly(new Series(Labels.of("__name__", "tocsin_test", "job", "b"),
        new long[] {T0.toEpochMilli(), T0.plusSeconds(60).toEpochMilli()}, new double[] {2.5, 4}));
  }

  @Test
  void parseErrorIsATypedError() {
    QueryException e = catchThrowableOfType(QueryException.class, () -> client.instantQuery("sum(", T0));
    assertThat(e.getMessage()).startsWith("Prometheus ").contains("HTTP 4").contains("sum(");
  }
}
