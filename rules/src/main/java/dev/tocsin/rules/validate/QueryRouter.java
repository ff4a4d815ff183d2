package dev.tocsin.rules.validate;

import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.parser.LogqlParser;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.parser.ParserOptions;
import dev.tocsin.promql.parser.PromqlParser;
import dev.tocsin.rules.model.ParsedQuery;
import dev.tocsin.rules.model.QueryLanguage;
import java.util.regex.Pattern;

/**
 * Decides the language of a rule expression as ARCHITECTURE.md's "Language routing" says: the
 * group's {@code type:} when given, else PromQL first and LogQL if that fails; when both fail, the
 * error shown is LogQL's for text that looks like a log query, else PromQL's.
 */
public final class QueryRouter {
  /** A log pipeline stage or a leading stream selector: signs that the author meant LogQL. */
  private static final Pattern LOG_PIPELINE = Pattern.compile(
      "\\|\\s*[=~>]|!>|\\|\\s*(json|logfmt|regexp|pattern|unpack|line_format|label_format|drop|keep|unwrap|decolorize)\\b");

  private final ParserOptions promqlOptions;

  public QueryRouter(ParserOptions promqlOptions) {
    this.promqlOptions = promqlOptions;
  }

  /** The outcome of routing one expression. */
  public sealed interface Outcome {
    /** The language chosen. */
    QueryLanguage language();
  }

  /** The expression parsed; {@code ambiguous} when it parses in both languages. */
  public record Parsed(QueryLanguage language, ParsedQuery query, boolean ambiguous) implements Outcome {}

  /** The expression failed to parse in the language it was routed to. */
  public record Failed(QueryLanguage language, ExpressionException error) implements Outcome {}

  /** Routes and parses one expression. */
  public Outcome route(String text, QueryLanguage declared) {
    if (declared == QueryLanguage.PROMQL) {
      return parsePromql(text);
    }
    if (declared == QueryLanguage.LOGQL) {
      return parseLogql(text);
    }
    Outcome promql = parsePromql(text);
    if (promql instanceof Parsed p) {
      boolean ambiguous = p.query() instanceof ParsedQuery.Promql pq
          && couldBeLogql(pq.expr(), text)
          && parseLogql(text) instanceof Parsed;
      return ambiguous ? new Parsed(QueryLanguage.PROMQL, p.query(), true) : p;
    }
    Outcome logql = parseLogql(text);
    if (logql instanceof Parsed) {
      return logql;
    }
    return looksLikeLogql(text) ? logql : promql;
  }

  private Outcome parsePromql(String text) {
    try {
      Expr e = PromqlParser.parse(text, promqlOptions);
      return new Parsed(QueryLanguage.PROMQL, new ParsedQuery.Promql(e), false);
    } catch (ExpressionException e) {
      return new Failed(QueryLanguage.PROMQL, e);
    }
  }

  private static Outcome parseLogql(String text) {
    try {
      LogqlExpr e = LogqlParser.parse(text);
      if (e instanceof SampleExpr s) {
        return new Parsed(QueryLanguage.LOGQL, new ParsedQuery.Logql(s), false);
      }
      return new Failed(QueryLanguage.LOGQL, new ExpressionException(text, new ParseError(
          new Span(0, text.length()),
          "a rule needs a metric query, but this is a LogQL log query; wrap it in a range aggregation such as"
              + " count_over_time(... [5m])")));
    } catch (ExpressionException e) {
      return new Failed(QueryLanguage.LOGQL, e);
    }
  }

  /**
   * Only an expression whose selectors have no metric name outside the braces can also be LogQL;
   * checking that first spares a second parse of almost every PromQL rule.
   */
  private static boolean couldBeLogql(Expr expr, String text) {
    return text.indexOf('{') >= 0 && SelectorNames.allSelectorsUnnamed(expr);
  }

  /** Whether text that parses in neither language was most likely meant as LogQL. */
  static boolean looksLikeLogql(String text) {
    String t = stripComments(text).strip();
    return t.startsWith("{") || LOG_PIPELINE.matcher(t).find();
  }

  private static String stripComments(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (!s.startsWith("#")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
