package dev.tocsin.promql.parser;

import static dev.tocsin.promql.grammar.PromQLLexer.*;

import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.GoQuote;
import dev.tocsin.promql.grammar.PromQLParser;
import java.util.List;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Words a syntax error as Prometheus' yacc parser does: {@code unexpected <token>} followed by the
 * context of the innermost error rule that Prometheus' grammar has at that point ({@code in label
 * matching, expected string}, {@code in grouping opts, expected "("}, {@code in aggregation}, …).
 */
final class SyntaxMessages {
  private SyntaxMessages() {}

  static ParseError describe(RecognitionException e, Token offending, List<Token> tokens) {
    int index = offending.getTokenIndex();
    Token prev = previous(tokens, index);
    if (isArithmetic(offending.getType()) && prev != null && isDurationValue(prev.getType()) && insideBrackets(tokens, index)) {
      // [1m * 2] is a duration expression, which Prometheus accepts only behind a feature flag.
      Token first = prev;
      Token before = previous(tokens, prev.getTokenIndex());
      if (before != null && (before.getType() == ADD || before.getType() == SUB)) {
        first = before;
      }
      return new ParseError(
          new Span(first.getStartIndex(), prev.getStopIndex() + 1), "experimental duration expression is not enabled");
    }
    String context = context(e.getCtx(), offending, prev, tokens);
    String message = "unexpected " + describe(offending) + context;
    int start = Math.max(0, offending.getStartIndex());
    int end = offending.getType() == Token.EOF ? start : offending.getStopIndex() + 1;
    return new ParseError(new Span(start, Math.max(start, end)), message);
  }

  private static String context(RuleContext ctx, Token offending, Token prev, List<Token> tokens) {
    if (insideBraces(tokens, offending.getTokenIndex())) {
      return labelMatchingContext(prev);
    }
    for (RuleContext c = ctx; c != null; c = c.parent) {
      if (c instanceof PromQLParser.LabelMatchersContext || c instanceof PromQLParser.LabelMatcherContext) {
        return labelMatchingContext(prev);
      }
      if (c instanceof PromQLParser.GroupingLabelsContext || c instanceof PromQLParser.GroupingLabelContext) {
        int p = prev == null ? -1 : prev.getType();
        if (p == BY || p == WITHOUT || p == ON || p == IGNORING || p == GROUP_LEFT || p == GROUP_RIGHT) {
          return " in grouping opts, expected \"(\"";
        }
        if (p == LEFT_PAREN || p == COMMA) {
          return " in grouping opts, expected label";
        }
        return " in grouping opts, expected \",\" or \")\"";
      }
      if (c instanceof PromQLParser.AggregateModifierContext) {
        return " in grouping opts, expected \"(\"";
      }
      if (c instanceof PromQLParser.OffsetValueContext) {
        return " in offset, expected number, duration, step(), or range()";
      }
      if (c instanceof PromQLParser.AtValueContext) {
        return " in @, expected timestamp";
      }
      if (c instanceof PromQLParser.RangeValueContext || c instanceof PromQLParser.RangeOrSubqueryContext) {
        return bracketContext(prev, tokens);
      }
      if (c instanceof PromQLParser.AggregateContext agg && agg.getStart() != offending) {
        return " in aggregation";
      }
    }
    return "";
  }

  private static String labelMatchingContext(Token prev) {
    int p = prev == null ? -1 : prev.getType();
    if (p == LEFT_BRACE || p == COMMA) {
      return " in label matching, expected identifier or \"}\"";
    }
    if (p == IDENTIFIER) {
      return " in label matching, expected label matching operator";
    }
    if (isMatchOp(p)) {
      return " in label matching, expected string";
    }
    return " in label matching, expected \",\" or \"}\"";
  }

  private static String bracketContext(Token prev, List<Token> tokens) {
    int p = prev == null ? -1 : prev.getType();
    if (p == LEFT_BRACKET) {
      return " in subquery or range selector, expected number, duration, step(), or range()";
    }
    if (p == COLON) {
      return " in subquery selector, expected number, duration, step(), range(), or \"]\"";
    }
    boolean sawColon = false;
    for (int i = prev == null ? -1 : prev.getTokenIndex(); i >= 0; i--) {
      int t = tokens.get(i).getType();
      if (t == LEFT_BRACKET) {
        break;
      }
      sawColon |= t == COLON;
    }
    if (sawColon) {
      return " in subquery selector, expected \"]\"";
    }
    if (p == ADD || p == SUB) {
      return " in subquery or range selector, expected number, duration, step(), or range()";
    }
    return " in subquery or range, expected \":\" or \"]\"";
  }

  private static boolean isArithmetic(int type) {
    return type == ADD || type == SUB || type == MUL || type == DIV || type == MOD || type == POW;
  }

  private static boolean isDurationValue(int type) {
    return type == NUMBER || type == DURATION;
  }

  /** Whether the token lies between a '[' and its ']'. */
  private static boolean insideBrackets(List<Token> tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      int t = tokens.get(i).getType();
      if (t == RIGHT_BRACKET) {
        return false;
      }
      if (t == LEFT_BRACKET) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMatchOp(int type) {
    return type == EQL || type == NEQ || type == B_EQL_REGEX || type == B_NEQ_REGEX;
  }

  /** Whether the token lies between a '{' and its '}' (inclusive of the '}'). */
  private static boolean insideBraces(List<Token> tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      int t = tokens.get(i).getType();
      if (t == RIGHT_BRACE) {
        return false;
      }
      if (t == LEFT_BRACE) {
        return true;
      }
    }
    return false;
  }

  private static Token previous(List<Token> tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  /** Prometheus' {@code Item.desc()} of a token. */
  static String describe(Token t) {
    int type = t.getType();
    String text = t.getText();
    if (type == Token.EOF) {
      return "end of input";
    }
    return switch (type) {
      // Prometheus' lexer makes these words keywords; this grammar reads them as identifiers.
      case IDENTIFIER -> isPreprocessorWord(text) ? "<" + text + ">" : "identifier " + GoQuote.quote(text);
      case METRIC_IDENTIFIER -> "metric identifier " + GoQuote.quote(text);
      case NUMBER -> "number " + truncatedQuote(text);
      case DURATION -> "duration " + truncatedQuote(text);
      case STRING -> "string " + truncatedQuote(text);
      case ADD, SUB, MUL, DIV, MOD, POW, EQLC, NEQ, LTE, LSS, GTE, GTR, LAND, LOR, LUNLESS, ATAN2, AT,
          B_EQL_REGEX, B_NEQ_REGEX -> "<op:" + text + ">";
      case SUM, AVG, COUNT, MIN, MAX, GROUP, STDDEV, STDVAR, TOPK, BOTTOMK, COUNT_VALUES, QUANTILE,
          LIMITK, LIMIT_RATIO -> "<aggr:" + text + ">";
      case OFFSET, BY, WITHOUT, ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, BOOL, ANCHORED, SMOOTHED ->
          "<" + text + ">";
      default -> GoQuote.quote(text);
    };
  }

  private static boolean isPreprocessorWord(String text) {
    String w = text.toLowerCase(java.util.Locale.ROOT);
    return w.equals("start") || w.equals("end") || w.equals("step") || w.equals("range");
  }

  /** Go's {@code %.10q...} for long values, {@code %q} otherwise. */
  private static String truncatedQuote(String s) {
    if (s.codePointCount(0, s.length()) <= 10) {
      return GoQuote.quote(s);
    }
    return GoQuote.quote(s.substring(0, s.offsetByCodePoints(0, 10))) + "...";
  }
}
