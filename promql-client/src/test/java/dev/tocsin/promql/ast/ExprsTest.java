package dev.tocsin.promql.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.promql.parser.PromqlParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprsTest {
  @Test
  void walksParentsBeforeChildrenInSourceOrder() {
    Expr e = PromqlParser.parse("topk(3, rate(a[5m])) / on (x) -(b)");
    List<String> kinds = new ArrayList<>();
    Exprs.walk(e, n -> kinds.add(n.getClass().getSimpleName()));
    assertThat(kinds)
        .containsExactly(
            "BinaryExpr",
            "AggregateExpr",
            "NumberLiteral",
            "Call",
            "MatrixSelector",
            "VectorSelector",
            "UnaryExpr",
            "ParenExpr",
            "VectorSelector");
  }

  @Test
  void findsEverySelectorOfALongChain() {
    Expr e = PromqlParser.parse("x" + " + x".repeat(50_000));
    int[] selectors = {0};
    Exprs.walk(e, n -> selectors[0] += n instanceof VectorSelector ? 1 : 0);
    assertThat(selectors[0]).isEqualTo(50_001);
  }
}
