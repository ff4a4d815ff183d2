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
            .withStrictTypeChecking(true)
            .build();
    assertThat(actual).usingRecursiveComparison(config).isEqualTo(expected);
  }
}
