package dev.tocsin.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.MatchType;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.AtModifier;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.BinaryOp;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.NumberLiteral;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.ValueType;
import dev.tocsin.promql.ast.VectorMatching;
import dev.tocsin.promql.ast.VectorSelector;
import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromqlParserTest {
  private static String firstError(String text) {
    ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> PromqlParser.parse(text));
    assertThat(e).as("expected %s to fail", text).isNotNull();
    return e.errors().get(0).message();
  }

  @Test
  void unaryMinusBindsBelowPowerButAboveMultiplication() {
    Expr e = PromqlParser.parse("-2 ^ 2");
    assertThat(e).isInstanceOf(UnaryExpr.class);
    assertThat(((UnaryExpr) e).expr()).isInstanceOf(BinaryExpr.class);

    BinaryExpr mul = (BinaryExpr) PromqlParser.parse("-2 * 3");
    assertThat(mul.op()).isEqualTo(BinaryOp.MUL);
    assertThat(mul.lhs()).isEqualTo(new NumberLiteral(new Span(0, 2), -2));
  }

  @Test
  void powerIsRightAssociativeAndOthersLeft() {
    BinaryExpr pow = (BinaryExpr) PromqlParser.parse("2 ^ 3 ^ 2");
    assertThat(pow.rhs()).isInstanceOf(BinaryExpr.class);
    BinaryExpr sub = (BinaryExpr) PromqlParser.parse("5 - 3 - 1");
    assertThat(sub.lhs()).isInstanceOf(BinaryExpr.class);
  }

  @Test
  void setOperatorsMatchManyToManyAndScalarSidesHaveNoMatching() {
    BinaryExpr and = (BinaryExpr) PromqlParser.parse("a and b");
    assertThat(and.matching().card()).isEqualTo(VectorMatching.Card.MANY_TO_MANY);
    BinaryExpr scalar = (BinaryExpr) PromqlParser.parse("a * 2");
    assertThat(scalar.matching()).isNull();
    assertThat(scalar.type()).isEqualTo(ValueType.VECTOR);
    assertThat(PromqlParser.parse("1 + 2").type()).isEqualTo(ValueType.SCALAR);
  }

  @Test
  void metricNameBecomesTheLastMatcher() {
    VectorSelector vs = (VectorSelector) PromqlParser.parse("up{job=\"a\"}");
    assertThat(vs.name()).isEqualTo("up");
    assertThat(vs.matchers())
        .containsExactly(LabelMatcher.equal("job", "a"), LabelMatcher.of(MatchType.EQUAL, "__name__", "up"));
  }

  @Test
  void offsetAndAtMayComeInEitherOrder() {
    VectorSelector a = (VectorSelector) PromqlParser.parse("x offset 5m @ 10");
    VectorSelector b = (VectorSelector) PromqlParser.parse("x @ 10 offset 5m");
    assertThat(a.offset()).isEqualTo(Duration.ofMinutes(5)).isEqualTo(b.offset());
    assertThat(a.at()).isEqualTo(AtModifier.at(10_000)).isEqualTo(b.at());
    assertThat(((VectorSelector) PromqlParser.parse("x offset -1h")).offset()).isEqualTo(Duration.ofHours(-1));
    assertThat(((VectorSelector) PromqlParser.parse("x @ START()")).at()).isEqualTo(AtModifier.START);
  }

  @Test
  void plainNumbersAreSecondsInRangesAndOffsets() {
    MatrixSelector m = (MatrixSelector) PromqlParser.parse("x[300] offset 5");
    assertThat(m.range()).isEqualTo(Duration.ofMinutes(5));
    assertThat(m.selector().offset()).isEqualTo(Duration.ofSeconds(5));
    SubqueryExpr s = (SubqueryExpr) PromqlParser.parse("x[1h30m:]");
    assertThat(s.range()).isEqualTo(Duration.ofMinutes(90));
    assertThat(s.step()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aggregationGroupingMayFollowTheArguments() {
    AggregateExpr a = (AggregateExpr) PromqlParser.parse("sum(x) without (a, \"b.c\")");
    assertThat(a.without()).isTrue();
    assertThat(a.grouping()).containsExactly("a", "b.c");
    AggregateExpr q = (AggregateExpr) PromqlParser.parse("quantile by (le) (0.9, x)");
    assertThat(q.param()).isEqualTo(new NumberLiteral(new Span(18, 21), 0.9));
  }

  @Test
  void stringsFollowGoEscapes() {
    assertThat(((StringLiteral) PromqlParser.parse("\"a\\tb\\u00e9\\x41\"")).value()).isEqualTo("a\tbéA");
    assertThat(((StringLiteral) PromqlParser.parse("'it\\'s'")).value()).isEqualTo("it's");
    assertThat(((StringLiteral) PromqlParser.parse("`a\\nb`")).value()).isEqualTo("a\\nb");
  }

  @Test
  void experimentalFunctionsNeedTheOption() {
    assertThat(firstError("sort_by_label(x, \"a\")")).isEqualTo("function \"sort_by_label\" is not enabled");
    Expr e = PromqlParser.parse("sort_by_label(x, \"a\", \"b\")", ParserOptions.ALL_FEATURES);
    assertThat(((Call) e).function().experimental()).isTrue();
    assertThat(PromqlParser.parse("limitk(2, x)", ParserOptions.ALL_FEATURES)).isInstanceOf(AggregateExpr.class);
  }

  @Test
  void functionTableKnowsEveryDocumentedFunctionButNotHoltWinters() {
    assertThat(Functions.lookup("holt_winters")).isEmpty();
    assertThat(Functions.lookup("double_exponential_smoothing").orElseThrow().experimental()).isTrue();
    assertThat(Functions.lookup("rate").orElseThrow().argTypes()).containsExactly(ValueType.MATRIX);
    assertThat(Functions.lookup("histogram_quantile").orElseThrow().experimental()).isFalse();
    assertThat(Functions.all()).hasSizeGreaterThan(80);
  }

  @Test
  void infoIsRefusedEvenWithExperimentalFunctions() {
    assertThatThrownBy(() -> PromqlParser.parse("info(x)", ParserOptions.ALL_FEATURES))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("1:1: parse error: function \"info\" is not supported");
  }

  @Test
  void topLevelStringsAndRangeVectorsAreAccepted() {
    assertThat(PromqlParser.parse("\"text\"").type()).isEqualTo(ValueType.STRING);
    assertThat(PromqlParser.parse("x[5m]").type()).isEqualTo(ValueType.MATRIX);
  }

  @Test
  void errorsPointIntoMultiLineText() {
    ExpressionException e =
        catchThrowableOfType(ExpressionException.class, () -> PromqlParser.parse("sum(\n  rate(x)\n)"));
    assertThat(e.getMessage()).isEqualTo("2:8: parse error: expected type range vector in call to function \"rate\", got instant vector");
    assertThat(e.errors().get(0).span()).isEqualTo(new Span(12, 13));
  }

  @ParameterizedTest
  @ValueSource(strings = {"(", "abs(", "x[5m:] + (", "sum by (a) ("})
  @Timeout(10)
  void deepNestingIsAnErrorNotAStackOverflow(String opener) {
    String text = opener.repeat(10_000) + "x" + ")".repeat(10_000);
    assertThat(firstError(text)).isEqualTo("expression nested too deeply");
  }

  @Test
  @Timeout(10)
  void longUnaryChainsAreAnErrorNotAStackOverflow() {
    assertThat(firstError("-".repeat(10_000) + "x")).isEqualTo("expression nested too deeply");
  }

  @Test
  @Timeout(20)
  void longOperatorChainsParseWithoutRecursion() {
    String text = "x" + " + x".repeat(20_000);
    Expr e = PromqlParser.parse(text);
    assertThat(e.type()).isEqualTo(ValueType.VECTOR);
    assertThat(PromqlParser.parse(e.toPromql()).toPromql()).isEqualTo(e.toPromql());
  }

  @Test
  @Timeout(20)
  void manyErrorsInALongExpressionAreCollectedQuickly() {
    String text = "(" + "-{}-1".repeat(10_000) + ")" + "[1m:]".repeat(1_000);
    ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> PromqlParser.parse(text));
    assertThat(e.getMessage()).isEqualTo("1:3: parse error: vector selector must contain at least one non-empty matcher");
    assertThat(e.errors()).hasSize(10_000 + 999);
    assertThat(e.errors().get(10_000).message()).isEqualTo("subquery is only allowed on instant vector, got matrix instead");
  }

  @Test
  @Timeout(20)
  void aSmallThreadStackGivesAnErrorNotAStackOverflow() throws Exception {
    String deep = "abs(".repeat(990) + "x" + ")".repeat(990);
    List<String> outcomes = new ArrayList<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                outcomes.add(PromqlParser.parse(deep).type().name());
              } catch (ExpressionException e) {
                outcomes.add(e.errors().get(0).message());
              }
              // The thread's parser must still work after an overflow.
              outcomes.add(PromqlParser.parse("sum(rate(x[5m]))").toPromql());
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0)).isIn("VECTOR", "expression nested too deeply");
    assertThat(outcomes.get(1)).isEqualTo("sum(rate(x[5m]))");
  }

  @Test
  void nestingWithinTheLimitParses() {
    String text = "(".repeat(200) + "x" + ")".repeat(200);
    assertThat(PromqlParser.parse(text).type()).isEqualTo(ValueType.VECTOR);
  }

  @Test
  void parsesConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(pool.submit(() -> PromqlParser.parse("sum by (a) (rate(x" + n + "[5m])) > " + n).toPromql()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("sum by (a) (rate(x" + i + "[5m])) > " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
