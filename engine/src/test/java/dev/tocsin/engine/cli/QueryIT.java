package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tocsin query} against series and stream files, in promtool's text form and the API's JSON. */
class QueryIT {
  @TempDir Path dir;
  private Path series;
  private Path streams;

  @BeforeEach
  void files() throws Exception {
    series = Processes.write(dir, "series.yml", """
        interval: 1m
        input_series:
          - series: up{job="api", instance="a"}
            values: 1 1 0 0
          - series: http_requests_total{job="api"}
            values: 0+60x10
        """);
    streams = Processes.write(dir, "streams.yml", """
        input_streams:
          - stream: '{app="shop"}'
            lines:
              - '"level=error msg=boom {{.i}}" @ 10s [repeat every 10s for 5]'
              - '"level=info msg=ok" @ 15s'
        """);
  }

  @Test
  void instantAndRangePromqlInPromtoolForm() {
    ProcessResult r = Processes.tocsin(null, "query", "--series", series.toString(), "--time", "3m", "up == 0");
    assertThat(r.stdout()).isEqualTo("up{instance=\"a\", job=\"api\"} => 0 @[180]\n");
    ProcessResult rate = Processes.tocsin(null, "query", "--series", series.toString(), "--time", "5m",
        "rate(http_requests_total[2m])");
    assertThat(rate.stdout()).isEqualTo("{job=\"api\"} => 1 @[300]\n");
    ProcessResult range = Processes.tocsin(null, "query", "--series", series.toString(), "--range", "0", "2m", "1m", "up");
    assertThat(range.stdout()).isEqualTo("up{instance=\"a\", job=\"api\"} =>\n1 @[0]\n1 @[60]\n0 @[120]\n");
  }

  @Test
  void jsonHasThePrometheusApiShape() {
    ProcessResult r = Processes.tocsin(null, "query", "--json", "--series", series.toString(), "--time", "3m", "up");
    assertThat(r.stdout()).isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
        + "{\"__name__\":\"up\",\"instance\":\"a\",\"job\":\"api\"},\"value\":[180,\"0\"]}]}}\n");
    ProcessResult bad = Processes.tocsin(null, "query", "--json", "--series", series.toString(), "sum(");
    assertThat(bad.stdout()).isEqualTo("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
        + "\"1:5: parse error: unclosed left parenthesis\"}\n");
    assertThat(bad.exitCode()).isEqualTo(1);
  }

  @Test
  void logqlAgainstAStreamFile() {
    ProcessResult r = Processes.tocsin(null, "query", "--streams", streams.toString(), "--time", "1m",
        "sum by (level) (count_over_time({app=\"shop\"} | logfmt [1m]))");
    assertThat(r.stdout()).isEqualTo("{level=\"error\"} => 5 @[60]\n{level=\"info\"} => 1 @[60]\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void badInputIsAClearErrorWithoutStackTrace() throws Exception {
    Path broken = Processes.write(dir, "broken.yml", "interval: 1m\ninput_series:\n  - series: 'up{'\n    values: 1\n");
    ProcessResult r = Processes.tocsin(null, "query", "--series", broken.toString(), "up");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith(broken + ": 3:5: ").doesNotContain("Exception");
    ProcessResult both = Processes.tocsin(null, "query", "--series", series.toString(), "--streams", streams.toString(), "x");
    assertThat(both.exitCode()).isEqualTo(2);
    ProcessResult missing = Processes.tocsin(null, "query", "--series", dir.resolve("nope.yml").toString(), "up");
    assertThat(missing.stderr()).contains("no such file or directory");
    assertThat(missing.exitCode()).isEqualTo(1);
  }
}
