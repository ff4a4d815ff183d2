package dev.tocsin.promql.parser;

import static dev.tocsin.promql.grammar.PromQLLexer.*;

import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.GoQuote;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Finds the first error that Prometheus' lexer would report (unbalanced parentheses, bad
 * characters, unterminated or badly escaped strings), with the token index where its lexer would
 * stop. Prometheus lexes lazily, so a syntax error at an earlier token wins over these.
 */
final class LexicalCheck {
  /** A lexer error and the index of the token it replaces. */
  record LexicalError(int tokenIndex, ParseError error) {}

  /** Nesting deeper than this is refused before parsing, so that no stack can overflow. */
  static final int MAX_NESTING = 1000;

  private LexicalCheck() {}

  /**
   * The first nesting of parentheses, brackets, braces and unary signs deeper than {@link
   * #MAX_NESTING}.
   */
  static ParseError tooDeep(List<Token> tokens) {
    int depth = 0;
    int signs = 0;
    for (Token t : tokens) {
      int type = t.getType();
      // A run of signs is a chain of unary operators, each one more level of recursion.
      signs = type == ADD || type == SUB ? signs + 1 : 0;
      switch (type) {
        case LEFT_PAREN, LEFT_BRACKET, LEFT_BRACE -> depth++;
        case RIGHT_PAREN, RIGHT_BRACKET, RIGHT_BRACE -> depth--;
        default -> {}
      }
      if (depth + signs > MAX_NESTING) {
        return new ParseError(
            new Span(t.getStartIndex(), t.getStopIndex() + 1), "expression nested too deeply");
      }
    }
    return null;
  }

  /** The first lexer error, or {@code null}. */
  static LexicalError firstError(String text, List<Token> tokens) {
    int parens = 0;
    boolean inBraces = false;
    boolean inBrackets = false;
    boolean gotColon = false;
    boolean gotDuration = false;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int start = t.getStartIndex();
      int end = t.getStopIndex() + 1;
      String message = null;
      int at = start;
      switch (t.getType()) {
        case LEFT_PAREN -> parens++;
        case RIGHT_PAREN -> {
          if (--parens < 0) {
            // Prometheus' lexer has already consumed the parenthesis when it notices.
            message = "unexpected right parenthesis ')'";
            at = end;
          }
        }
        case LEFT_BRACE -> inBraces = true;
        case RIGHT_BRACE -> inBraces = false;
        case LEFT_BRACKET -> {
          inBrackets = true;
          gotColon = false;
          gotDuration = false;
        }
        case RIGHT_BRACKET -> inBrackets = false;
        case NUMBER, DURATION -> gotDuration |= inBrackets;
        case COLON -> {
          // Prometheus' lexer has emitted the colon when it objects, so it points after it.
          at = end;
          if (!gotDuration) {
            message = "unexpected colon before duration in duration expression";
          } else if (gotColon) {
            message = "unexpected repeated colon in duration expression";
          }
          gotColon = true;
        }
        case STRING -> message = GoStrings.escapeError(t.getText());
        case ERR_NUMBER -> {
          String s = t.getText();
          if (s.charAt(0) == '.' && (s.length() == 1 || !Character.isDigit(s.charAt(1)))) {
            message =
                (inBrackets ? "unexpected character in duration expression: " : "unexpected character: ")
                    + "'.'";
          } else {
            message = "bad number or duration syntax: " + GoQuote.quote(GoNumberScan.consumed(s));
          }
        }
        case ERR_UNTERMINATED -> message = unterminated(t.getText());
        case ERR_UNTERMINATED_RAW -> message = "unterminated raw string";
        case ERR_EQL_TILDE -> message = "unexpected character after '=': '~'";
        case ERR_BANG -> message = "unexpected character after '!': " + runeAfter(text, end);
        case ERR_RIGHT_BRACKET -> message = "unexpected right bracket ']'";
        case ERR_CHAR -> message = "unexpected character: " + rune(text, start);
        case ERR_BRACE_BANG ->
            message = "unexpected character after '!' inside braces: " + runeAfter(text, end);
        case ERR_BRACE_CHAR ->
            message =
                text.charAt(start) == '{'
                    ? "unexpected left brace '{'"
                    : "unexpected character inside braces: " + rune(text, start);
        case ERR_BRACKET_CHAR ->
            message = "unexpected character in duration expression: " + rune(text, start);
        case Token.EOF -> {
          at = text.length();
          if (inBraces) {
            message = "unexpected end of input inside braces";
          } else if (inBrackets) {
            message = "unexpected end of input in duration expression";
          } else if (parens > 0) {
            message = "unclosed left parenthesis";
          }
        }
        default -> {}
      }
      if (message != null) {
        return new LexicalError(t.getTokenIndex(), new ParseError(new Span(at, Math.max(at, end)), message));
      }
    }
    return null;
  }

  /** Prometheus reads escapes as it goes, so a bad escape is reported before the missing quote. */
  private static String unterminated(String literal) {
    int backslashes = 0;
    for (int i = literal.length() - 1; i > 0 && literal.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    String body = backslashes % 2 == 1 ? literal.substring(0, literal.length() - 1) : literal;
    String escape = GoStrings.escapeError(body + literal.charAt(0));
    if (escape != null) {
      return escape;
    }
    return backslashes % 2 == 1 ? "escape sequence not terminated" : "unterminated quoted string";
  }

  private static String rune(String text, int index) {
    return GoQuote.quoteRune(text.codePointAt(index));
  }

  private static String runeAfter(String text, int index) {
    return index < text.length() ? rune(text, index) : "'\uFFFD'";
  }
}
