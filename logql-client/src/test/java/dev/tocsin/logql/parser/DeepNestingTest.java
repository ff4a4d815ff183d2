package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.model.ExpressionException;
import org.junit.jupiter.api.Test;

/** Deeply nested queries end in a clean parse error, never in a StackOverflowError. */
class DeepNestingTest {
  @Test
  void rejectsTenThousandNestedParenthesesWithAParseError() {
    String query = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertThatThrownBy(() -> LogqlParser.parse(query))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.errors().get(0).message()).startsWith("expression too deep"));
  }

  @Test
  void rejectsTenThousandNestedAggregationsWithAParseError() {
    String query = "sum(".repeat(10_000) + "rate({a=\"b\"}[5m])" + ")".repeat(10_000);
    assertThatThrownBy(() -> LogqlParser.parse(query))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.errors().get(0).message()).startsWith("expression too deep"));
  }

  @Test
  void rejectsAVeryLongOperatorChainWithAParseErrorOrFoldsIt() {
    String query = "1" + " ^ 1".repeat(20_000);
    try {
      assertThat(LogqlParser.parse(query)).isInstanceOf(LiteralExpr.class);
    } catch (ExpressionException e) {
      assertThat(e.errors().get(0).message()).startsWith("expression too deep");
    }
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    int depth = LogqlParser.MAX_NESTING - 1;
    String query = "(".repeat(depth) + "vector(1)" + ")".repeat(depth);
    assertThat(LogqlParser.parse(query)).isNotNull();
  }

  @Test
  void rejectsQueriesLongerThanLokisLimit() {
    String query = "{a=\"" + "x".repeat(LogqlParser.MAX_INPUT_BYTES) + "\"}";
    assertThatThrownBy(() -> LogqlParser.parse(query))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e ->
                assertThat(e.errors().get(0).message())
                    .isEqualTo("input size too long (" + query.length() + " > " + LogqlParser.MAX_INPUT_BYTES + ")"));
  }
}
