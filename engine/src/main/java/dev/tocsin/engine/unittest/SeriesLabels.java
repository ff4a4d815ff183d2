package dev.tocsin.engine.unittest;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.MatchType;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.VectorSelector;
import dev.tocsin.promql.parser.ParserOptions;
import dev.tocsin.promql.parser.PromqlParser;

/**
 * Parses a series in PromQL's series notation ({@code metric{a="b"}}, {@code {}}) into labels, as
 * promtool's {@code ParseMetric} does, with the PromQL parser's positioned errors.
 */
final class SeriesLabels {
  private SeriesLabels() {}

  /**
   * The labels of a series.
   *
   * @throws ExpressionException with a parse error in the series text
   */
  static Labels parse(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.equals("{}")) {
      return Labels.EMPTY;
    }
    Expr e = PromqlParser.parse(t, ParserOptions.ALL_FEATURES);
    if (!(e instanceof VectorSelector vs) || vs.at() != null || !vs.offset().isZero()) {
      throw new ExpressionException(t, new ParseError(new Span(0, t.length()), "not a series: " + t));
    }
    Labels.Builder b = Labels.builder();
    for (LabelMatcher m : vs.matchers()) {
      if (m.type() != MatchType.EQUAL) {
        throw new ExpressionException(t, new ParseError(new Span(0, t.length()),
            "series labels must use '=', got " + m));
      }
      b.put(m.name(), m.value());
    }
    return b.build().withoutEmpty();
  }
}
