package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.model.LabelMatcher;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;

/** Compares syntax trees ignoring where their nodes are in the text, as Trino's ParserAssert does. */
final class AstAssert {
  private AstAssert() {}

  static void assertSameTree(LogqlExpr actual, LogqlExpr expected) {
    RecursiveComparisonConfiguration config =
        RecursiveComparisonConfiguration.builder()
            .withIgnoredFieldsMatchingRegexes(".*span")
            .withEqualsForType(LabelMatcher::equals, LabelMatcher.class)
            // Exact comparison, NaN equal to NaN: folded literals such as 0 / 0 are NaN.
            .withComparatorForType(Double::compare, Double.class)
            .withStrictTypeChecking(true)
            .build();
    assertThat(actual).usingRecursiveComparison(config).isEqualTo(expected);
  }
}
