package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.BinaryOp;
import dev.tocsin.logql.ast.LabelFilter;
import dev.tocsin.logql.ast.LabelFilterStage;
import dev.tocsin.logql.ast.LineFilter;
import dev.tocsin.logql.ast.LineFilterOp;
import dev.tocsin.logql.ast.LineFilterOperand;
import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogfmtParser;
import dev.tocsin.logql.ast.RangeAggregation;
import dev.tocsin.logql.ast.RangeOp;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.ast.UnwrapConversion;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorOp;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How queries map to the tree, for the parts of Loki's grammar that are easy to get wrong. */
class LogqlParserTest {
  @Test
  void matchesKeywordsAndFunctionNamesCaseInsensitively() {
    VectorAggregation v = (VectorAggregation) LogqlParser.parse("SUM BY (x) (RATE({a=\"b\"}[5m]))");
    assertThat(v.op()).isEqualTo(VectorOp.SUM);
    assertThat(((RangeAggregation) v.inner()).op()).isEqualTo(RangeOp.RATE);
  }

  @Test
  void readsFunctionNamesAsLabelNamesWhenNoParenthesisFollows() {
    LogQuery q = (LogQuery) LogqlParser.parse("{rate=\"a\", ip=\"b\"} | bytes > 5 | duration > 10s");
    assertThat(q.selector().matchers()).extracting(m -> m.name()).containsExactly("rate", "ip");
    assertThat(q.stages()).hasSize(2);
  }

  @Test
  void readsGoAndPrometheusDurations() {
    assertThat(durationFilter("{a=\"b\"} | d > 1.5h").value()).isEqualTo(Duration.ofMinutes(90));
    assertThat(durationFilter("{a=\"b\"} | d > 1h30m").value()).isEqualTo(Duration.ofMinutes(90));
    assertThat(durationFilter("{a=\"b\"} | d > 2d").value()).isEqualTo(Duration.ofDays(2));
    assertThat(durationFilter("{a=\"b\"} | d > 250us").value()).isEqualTo(Duration.ofNanos(250_000));
    assertThat(durationFilter("{a=\"b\"} | d > -5m").value()).isEqualTo(Duration.ofMinutes(-5));
  }

  private static LabelFilter.DurationFilter durationFilter(String query) {
    LogQuery q = (LogQuery) LogqlParser.parse(query);
    return (LabelFilter.DurationFilter) ((LabelFilterStage) q.stages().get(0)).filter();
  }

  @Test
  void readsByteSizesAsGoHumanizeDoes() {
    LogQuery q = (LogQuery) LogqlParser.parse("{a=\"b\"} | s > 20.2MB | t < 2KiB | u == 5k");
    assertThat(q.stages())
        .extracting(s -> ((LabelFilter.BytesFilter) ((LabelFilterStage) s).filter()).value())
        .containsExactly(20_200_000L, 2048L, 5000L);
  }

  @Test
  void acceptsNegativeOffsetsAndRangesBeforeThePipeline() {
    RangeAggregation r = (RangeAggregation) LogqlParser.parse("count_over_time({a=\"b\"}[5m] offset -1h |= \"x\")");
    assertThat(r.range().range()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.range().offset()).contains(Duration.ofHours(-1));
    assertThat(r.range().query().stages()).hasSize(1);
  }

  @Test
  void readsUnwrapConversionsAndPostFilters() {
    RangeAggregation r =
        (RangeAggregation) LogqlParser.parse("sum_over_time({a=\"b\"} | unwrap duration_seconds(d) | __error__=\"\" [1m])");
    assertThat(r.range().unwrap()).hasValueSatisfying(u -> {
      assertThat(u.conversion()).isEqualTo(UnwrapConversion.DURATION_SECONDS);
      assertThat(u.label()).isEqualTo("d");
      assertThat(u.postFilters()).hasSize(1);
    });
  }

  @Test
  void keepsEveryOperandOfAnOrLineFilter() {
    LogQuery q = (LogQuery) LogqlParser.parse("{a=\"b\"} != \"x\" or ip(\"10.0.0.1\") or `y`");
    LineFilter f = (LineFilter) q.stages().get(0);
    assertThat(f.op()).isEqualTo(LineFilterOp.NOT_CONTAINS);
    assertThat(f.operands())
        .containsExactly(
            new LineFilterOperand("x", false), new LineFilterOperand("10.0.0.1", true), new LineFilterOperand("y", false));
  }

  @Test
  void groupsLabelFiltersAsLokisGrammarDoes() {
    assertThat(filter("a=\"1\" and b=\"2\" or c=\"3\"")).isInstanceOf(LabelFilter.Or.class);
    // ',' and juxtaposition take everything to their right, as yacc's default shift makes them.
    LabelFilter comma = filter("a=\"1\", b=\"2\" or c=\"3\"");
    assertThat(comma).isInstanceOf(LabelFilter.And.class);
    assertThat(((LabelFilter.And) comma).right()).isInstanceOf(LabelFilter.Or.class);
    LabelFilter juxtaposed = filter("a=\"1\" or b=\"2\" c=\"3\"");
    assertThat(((LabelFilter.Or) juxtaposed).right()).isInstanceOf(LabelFilter.And.class);
  }

  private static LabelFilter filter(String text) {
    LogQuery q = (LogQuery) LogqlParser.parse("{a=\"b\"} | " + text);
    return ((LabelFilterStage) q.stages().get(0)).filter();
  }

  @Test
  void readsLogfmtFlagsBeforeParameters() {
    LogfmtParser p =
        (LogfmtParser) ((LogQuery) LogqlParser.parse("{a=\"b\"} | logfmt --keep-empty --strict x, y=\"z\"")).stages().get(0);
    assertThat(p.strict()).isTrue();
    assertThat(p.keepEmpty()).isTrue();
    assertThat(p.extractions()).extracting(e -> e.label() + "=" + e.expression()).containsExactly("x=x", "y=z");
  }

  @Test
  void foldsOperationsBetweenLiteralsAsLokiDoes() {
    assertThat(((LiteralExpr) LogqlParser.parse("1 + -2 / 1")).value()).isEqualTo(-1);
    assertThat(((LiteralExpr) LogqlParser.parse("2 ^ 3 ^ 2")).value()).isEqualTo(512);
    assertThat(((LiteralExpr) LogqlParser.parse("10 / 0")).value()).isNaN();
    assertThat(((LiteralExpr) LogqlParser.parse("7 > 2")).value()).isEqualTo(1);
    assertThat(((LiteralExpr) LogqlParser.parse("2 > 7")).value()).isEqualTo(0);
    assertThat(((LiteralExpr) LogqlParser.parse("0x1.8p3")).value()).isEqualTo(12);
  }

  @Test
  void bindsOperatorsWithLokisPrecedence() {
    BinaryExpr or = (BinaryExpr) LogqlParser.parse("vector(1) and vector(2) or vector(3) * vector(4)");
    assertThat(or.op()).isEqualTo(BinaryOp.OR);
    assertThat(((BinaryExpr) or.lhs()).op()).isEqualTo(BinaryOp.AND);
    assertThat(((BinaryExpr) or.rhs()).op()).isEqualTo(BinaryOp.MUL);
  }

  @Test
  void skipsCommentsAsLokisScannerDoes() {
    assertThat(LogqlParser.parse("{a=\"b\"} # all\n |= \"x\" // more")).isInstanceOf(LogQuery.class);
  }

  @Test
  void givesSpansInTheQueryText() {
    RangeAggregation r = (RangeAggregation) LogqlParser.parse("  rate({a=\"b\"} |= \"x\" [5m])");
    assertThat(r.span()).isEqualTo(new Span(2, 27));
    assertThat(r.range().query().span()).isEqualTo(new Span(7, 21));
    assertThat(r.range().query().stages().get(0).span()).isEqualTo(new Span(15, 21));
  }

  @Test
  void parseSampleReturnsMetricQueries() {
    SampleExpr e = LogqlParser.parseSample("sum(count_over_time({a=\"b\"}[5m])) > 0");
    assertThat(e).isInstanceOf(BinaryExpr.class);
  }

  @Test
  void parseSampleRejectsLogQueriesWithAClearMessage() {
    assertThatThrownBy(() -> LogqlParser.parseSample("{a=\"b\"} |= \"error\""))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.errors().get(0).message()).contains("a rule needs a metric query");
              assertThat(e.errors().get(0).span()).isEqualTo(new Span(0, 18));
            });
  }

  @Test
  void formatsErrorsWithLineAndColumn() {
    assertThatThrownBy(() -> LogqlParser.parse("sum(\n  rate({a=\"b\"}[5m]) offset 1m)"))
        .hasMessage("2:21: parse error: syntax error: unexpected offset");
  }

  @Test
  void keepsGroupingListsAsWritten() {
    VectorAggregation v = (VectorAggregation) LogqlParser.parse("sum without () (rate({a=\"b\"}[5m]))");
    assertThat(v.grouping()).hasValueSatisfying(g -> {
      assertThat(g.without()).isTrue();
      assertThat(g.labels()).isEqualTo(List.of());
    });
  }
}
