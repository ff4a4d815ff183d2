package dev.tocsin.logql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.logql.logqltest.LoadLine;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's query surface: result shapes, Loki's error messages, limits and the alerting pitfalls. */
class MemoryLogqlEngineTest {
  private final MemoryLogStore store = new MemoryLogStore();
  private final MemoryLogqlEngine engine = new MemoryLogqlEngine(store);

  private void load(String selector, String loadLine) {
    LoadLine.StreamLoad l = LoadLine.parseWithSelector(selector + " " + loadLine);
    store.appendAll(l.stream(), l.entries());
  }

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private List<Sample> instant(String q, long t) {
    return ((Vector) engine.instantQuery(q, at(t))).samples();
  }

  @Test
  void instantMetricQueryIsAVectorSortedByLabelsAtTheQueryTime() {
    load("{app=\"b\"}", "\"x\" @ 10s [repeat every 10s for 6]");
    load("{app=\"a\"}", "\"x\" @ 10s [repeat every 20s for 3]");
    assertThat(instant("count_over_time({app=~\"a|b\"}[1m])", 60))
        .containsExactly(new Sample(Labels.of("app", "a"), 60_000, 3), new Sample(Labels.of("app", "b"), 60_000, 6));
  }

  @Test
  void windowIsLeftOpenRightClosed() {
    load("{app=\"a\"}", "\"x\" @ 30s");
    load("{app=\"a\"}", "\"x\" @ 60s");
    assertThat(instant("count_over_time({app=\"a\"}[30s])", 60)).extracting(Sample::value).containsExactly(1.0);
    assertThat(instant("count_over_time({app=\"a\"}[30s] offset 30s)", 90)).extracting(Sample::value).containsExactly(1.0);
  }

  @Test
  void rangeQueryHasGapsWhereWindowsAreEmpty() {
    load("{app=\"a\"}", "\"x\" @ 130s [repeat every 30s for 6]");
    Matrix m = (Matrix) engine.rangeQuery("count_over_time({app=\"a\"}[1m])", at(60), at(420), Duration.ofMinutes(1));
    Series s = m.series().get(0);
    // lines at 130..280s: windows ending at 180, 240 and 300 hold two each; the others none
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.timestamp(0)).isEqualTo(180_000);
    assertThat(s.value(0)).isEqualTo(2);
    assertThat(s.timestamp(2)).isEqualTo(300_000);
  }

  @Test
  void logQueryReturnsStreamsByFinalLabelsNewestFirst() {
    load("{app=\"a\"}", "\"level=info n={{.i}}\" @ 10s [repeat every 10s for 5]");
    load("{app=\"a\"}", "\"level=error n=9\" @ 35s");
    Streams s = (Streams) engine.instantQuery("{app=\"a\"} | logfmt | drop n", at(50));
    assertThat(s.streams()).hasSize(2);
    assertThat((Object) s.streams().get(0).labels()).isEqualTo(Labels.of("app", "a", "level", "info"));
    assertThat(s.streams().get(0).entries()).extracting(LogEntry::line).containsExactly("level=info n=4", "level=info n=3", "level=info n=2");
    Streams range = (Streams) engine.rangeQuery("{app=\"a\"} |= \"error\"", at(0), at(100), Duration.ofSeconds(10));
    assertThat(range.streams().get(0).entries()).extracting(LogEntry::line).containsExactly("level=error n=9");
    MemoryLogqlEngine two = new MemoryLogqlEngine(store, new LogqlEngineOptions(Duration.ofMinutes(1), 0, 2, Duration.ofSeconds(30)));
    Streams limited = (Streams) two.rangeQuery("{app=\"a\"}", at(0), at(100), Duration.ofSeconds(10));
    assertThat(limited.streams()).hasSize(1);
    assertThat(limited.streams().get(0).entries()).extracting(LogEntry::line).containsExactly("level=info n=4", "level=info n=3");
    Streams startInclusiveEndExclusive = (Streams) engine.rangeQuery("{app=\"a\"}", at(10), at(30), Duration.ofSeconds(10));
    assertThat(startInclusiveEndExclusive.streams().get(0).entries()).extracting(LogEntry::line).containsExactly("level=info n=1", "level=info n=0");
  }

  @Test
  void metricQueryFailsWhenAnErrorReachesTheResult() {
    load("{app=\"a\"}", "\"not json\" @ 30s");
    assertThatThrownBy(() -> engine.instantQuery("count_over_time({app=\"a\"} | json [1m])", at(60)))
        .isInstanceOfSatisfying(
            QueryException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ErrorType.BAD_DATA);
              assertThat(e.getMessage())
                  .startsWith("pipeline error: 'JSONParserErr' for series: '{__error__=\"JSONParserErr\", __error_details__=")
                  .contains("app=\"a\"}'.\nUse a label filter to intentionally skip this error. (e.g | __error__!=\"JSONParserErr\").")
                  .endsWith("The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )");
            });
    // Grouping cannot hide the error; grouping by __error__ can.
    assertThatThrownBy(() -> engine.instantQuery("sum by (app) (count_over_time({app=\"a\"} | json [1m]))", at(60)))
        .hasMessageStartingWith("pipeline error: 'JSONParserErr'");
    assertThat(instant("sum by (__error__) (count_over_time({app=\"a\"} | json [1m]))", 60))
        .containsExactly(new Sample(Labels.of("__error__", "JSONParserErr"), 60_000, 1));
    assertThat(instant("count_over_time({app=\"a\"} | json | __error__=\"\" [1m])", 60)).isEmpty();
  }

  @Test
  void parsersWhoseLabelsNobodyReadsDoNotRunAsWithLokisParserHints() {
    load("{app=\"a\"}", "\"not json\" @ 30s");
    load("{app=\"a\"}", "`{\"ok\":1}` @ 40s");
    assertThat(instant("sum(count_over_time({app=\"a\"} | json [1m]))", 60))
        .containsExactly(new Sample(Labels.EMPTY, 60_000, 2));
    assertThat(instant("sum(rate({app=\"a\"} | logfmt --strict [1m]))", 60)).hasSize(1);
    assertThat(instant("absent_over_time({app=\"a\"} | json [1m])", 60)).isEmpty();
    // the same query with grouping, another aggregation or a label filter parses and fails
    assertThatThrownBy(() -> engine.instantQuery("sum by (app) (count_over_time({app=\"a\"} | json [1m]))", at(60)))
        .hasMessageContaining("JSONParserErr");
    assertThatThrownBy(() -> engine.instantQuery("max(count_over_time({app=\"a\"} | json [1m]))", at(60)))
        .hasMessageContaining("JSONParserErr");
    assertThatThrownBy(() -> engine.instantQuery("sum(count_over_time({app=\"a\"} | json | ok!=\"2\" [1m]))", at(60)))
        .hasMessageContaining("JSONParserErr");
  }

  @Test
  void parseErrorsUseLokisFormat() {
    assertThatThrownBy(() -> engine.instantQuery("count_over_time({app=\"a\"}[1m]", at(0)))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.BAD_DATA);
          assertThat(e.getMessage()).startsWith("parse error at line 1, col ");
        });
  }

  @Test
  void unwrapConvertsDurationsAndBytesAndSkipsMissingLabels() {
    load("{app=\"a\"}", "\"took=1500ms size=1KiB\" @ 10s");
    load("{app=\"a\"}", "\"took=500ms size=1kB\" @ 20s");
    load("{app=\"a\"}", "\"other=1\" @ 25s");
    assertThat(instant("sum_over_time({app=\"a\"} | logfmt | unwrap duration(took) [1m])", 60))
        .containsExactly(new Sample(Labels.of("app", "a", "size", "1KiB"), 60_000, 1.5), new Sample(Labels.of("app", "a", "size", "1kB"), 60_000, 0.5));
    assertThat(instant("sum by (app) (sum_over_time({app=\"a\"} | logfmt | unwrap bytes(size) [1m]))", 60))
        .containsExactly(new Sample(Labels.of("app", "a"), 60_000, 2024));
    assertThatThrownBy(() -> engine.instantQuery("sum_over_time({app=\"a\"} | logfmt | unwrap size [1m])", at(60)))
        .hasMessageContaining("SampleExtractionErr");
    assertThat(instant("sum_over_time({app=\"a\"} | logfmt | unwrap size | __error__=\"\" [1m])", 60)).isEmpty();
  }

  @Test
  void quantileAndAverageOverTime() {
    for (String v : List.of("80", "150", "120", "200")) {
      load("{app=\"a\"}", "\"latency_ms=" + v + "\" @ 30s");
    }
    assertThat(instant("quantile_over_time(0.75, {app=\"a\"} | logfmt | unwrap latency_ms [1m])", 60))
        .extracting(Sample::value).containsExactly(162.5);
    assertThat(instant("avg_over_time({app=\"a\"} | logfmt | unwrap latency_ms [1m]) by (app)", 60))
        .extracting(Sample::value).containsExactly(137.5);
  }

  @Test
  void absentOverTimeTakesItsLabelsFromEqualityMatchers() {
    load("{app=\"a\", env=\"prod\"}", "\"x\" @ 10s");
    assertThat(instant("absent_over_time({app=\"a\", env=~\"p.*\"} | json | lvl=\"x\" [5m])", 60))
        .containsExactly(new Sample(Labels.of("app", "a"), 60_000, 1));
    assertThat(instant("absent_over_time({app=\"a\"}[5m])", 60)).isEmpty();
  }

  @Test
  void literalIsAScalarAndVectorIsALabelFreeSample() {
    assertThat(engine.instantQuery("1 + 2 * 3", at(10))).isEqualTo(new Scalar(10_000, 7));
    assertThat(instant("vector(3) / vector(0)", 10)).extracting(Sample::value).containsExactly(Double.NaN);
  }

  @Test
  void labelReplaceAndSort() {
    load("{app=\"web-1\"}", "\"x\" @ 10s [repeat every 10s for 3]");
    load("{app=\"db-1\"}", "\"x\" @ 10s");
    assertThat(instant("label_replace(count_over_time({app=~\".+\"}[1m]), \"svc\", \"$1\", \"app\", \"(\\\\w+)-\\\\d\")", 60))
        .containsExactly(
            new Sample(Labels.of("app", "db-1", "svc", "db"), 60_000, 1),
            new Sample(Labels.of("app", "web-1", "svc", "web"), 60_000, 3));
    assertThat(instant("sort_desc(count_over_time({app=~\".+\"}[1m]))", 60)).extracting(Sample::value).containsExactly(3.0, 1.0);
  }

  @Test
  void unaggregatedJsonLegsNeverMatchButAggregatedOnesDo() {
    // The P1-B OrderSubmitWithoutResponse pitfall: each leg keeps every extracted JSON field.
    load("{app=\"q\"}", "`{\"event\":\"order_submit\",\"id\":\"{{.i}}\"}` @ 10s [repeat every 10s for 6]");
    String submits = "count_over_time({app=\"q\"} | json | event=\"order_submit\" [5m])";
    String responses = "count_over_time({app=\"q\"} | json | event=\"order_response\" [5m])";
    assertThat(instant(submits + " - " + responses, 300)).isEmpty();
    assertThat(instant("sum(" + submits + ") - sum(" + responses + ")", 300)).isEmpty();
    assertThat(instant("sum(" + submits + ") - (sum(" + responses + ") or vector(0)) >= 6", 300))
        .containsExactly(new Sample(Labels.EMPTY, 300_000, 6));
  }

  @Test
  void lineFormatIsElidedWhenNothingReadsTheLine() {
    load("{app=\"a\"}", "\"abc\" @ 10s");
    // a broken template in an elided line_format never runs, as in Loki's optimizer
    assertThat(instant("count_over_time({app=\"a\"} | line_format \"{{ div 1 0 }}\" [1m])", 60)).extracting(Sample::value).containsExactly(1.0);
    assertThat(instant("bytes_over_time({app=\"a\"} | line_format \"{{ __line__ }}{{ __line__ }}\" [1m])", 60))
        .extracting(Sample::value).containsExactly(6.0);
    assertThat(instant("count_over_time({app=\"a\"} | line_format \"x{{ __line__ }}\" |= \"xabc\" [1m])", 60))
        .extracting(Sample::value).containsExactly(1.0);
  }

  @Test
  void bytesCountUtf8() {
    load("{app=\"a\"}", "\"é€😀\" @ 10s");
    assertThat(instant("bytes_over_time({app=\"a\"}[1m])", 60)).extracting(Sample::value).containsExactly(9.0);
  }

  @Test
  void seriesLimitAndTimeoutFailLikeLoki() {
    for (int i = 0; i < 3; i++) {
      load("{app=\"a\", pod=\"p" + i + "\"}", "\"x\" @ 10s");
    }
    MemoryLogqlEngine small = new MemoryLogqlEngine(store, new LogqlEngineOptions(Duration.ofMinutes(1), 2, 100, Duration.ofSeconds(30)));
    assertThatThrownBy(() -> small.instantQuery("count_over_time({app=\"a\"}[1m])", at(60)))
        .hasMessageStartingWith("maximum number of series (2) reached for a single query");
    assertThat(((Vector) small.instantQuery("sum(count_over_time({app=\"a\"}[1m]))", at(60))).samples()).hasSize(1);
    for (int i = 0; i < 20_000; i++) {
      store.append(Labels.of("app", "big"), new LogEntry(i, "line", Labels.EMPTY));
    }
    MemoryLogqlEngine impatient = new MemoryLogqlEngine(store, new LogqlEngineOptions(Duration.ofNanos(1), 0, 100, Duration.ofSeconds(30)));
    assertThatThrownBy(() -> impatient.instantQuery("count_over_time({app=\"big\"}[1m])", at(60)))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
          assertThat(e.getMessage()).startsWith("request timed out");
        });
  }

  @Test
  void vectorMatchingErrorsUseLokisMessages() {
    load("{app=\"a\", pod=\"1\"}", "\"x\" @ 10s");
    load("{app=\"a\", pod=\"2\"}", "\"x\" @ 10s");
    assertThatThrownBy(() -> engine.instantQuery("count_over_time({app=\"a\"}[1m]) / on(app) sum by (app) (count_over_time({app=\"a\"}[1m]))", at(60)))
        .hasMessage("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
    assertThat(instant("count_over_time({app=\"a\"}[1m]) / on(app) group_left sum by (app) (count_over_time({app=\"a\"}[1m]))", 60))
        .extracting(Sample::value).containsExactly(0.5, 0.5);
  }
}
