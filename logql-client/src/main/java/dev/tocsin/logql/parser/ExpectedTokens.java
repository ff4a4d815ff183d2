package dev.tocsin.logql.parser;

import dev.tocsin.logql.grammar.LogQLLexer;
import dev.tocsin.logql.grammar.LogQLParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The tokens that could have come instead of an unexpected one, for yacc-style messages ({@code
 * syntax error: unexpected X, expecting A or B}). They are found by trying each token type after
 * the tokens read so far; like goyacc, the list is given only when it has at most four tokens, in
 * Loki's token order, and never names the end of the input.
 */
final class ExpectedTokens {
  private static final int MAX_LISTED = 4;

  /** Beyond this many tokens before the error, trying every token type would take too long. */
  private static final int MAX_PREFIX = 2000;

  private ExpectedTokens() {}

  /** ", expecting A or B", or an empty string when more than four (or no) tokens could follow. */
  static String suffix(List<Token> tokens, int errorIndex) {
    List<Token> prefix = new ArrayList<>();
    for (Token t : tokens) {
      if (t.getTokenIndex() >= errorIndex || t.getType() == Token.EOF) {
        break;
      }
      prefix.add(t);
    }
    if (prefix.size() > MAX_PREFIX) {
      return "";
    }
    List<Integer> viable = new ArrayList<>();
    for (int type = 1; type < LogQLLexer.UNTERMINATED_STRING; type++) {
      if (accepts(prefix, type)) {
        viable.add(type);
        if (viable.size() > MAX_LISTED) {
          return "";
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int type : viable) {
      sb.append(sb.length() == 0 ? ", expecting " : " or ").append(TokenNames.of(type));
    }
    return sb.toString();
  }

  private static boolean accepts(List<Token> prefix, int type) {
    List<Token> input = new ArrayList<>(prefix.size() + 2);
    for (Token t : prefix) {
      input.add(new CommonToken(t));
    }
    input.add(new CommonToken(type, "x"));
    input.add(new CommonToken(Token.EOF, "<EOF>"));
    LogQLParser parser = new LogQLParser(new CommonTokenStream(new ListTokenSource(input)));
    parser.removeErrorListeners();
    parser.setErrorHandler(new StopAtFirstError());
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    try {
      parser.root();
      return true;
    } catch (ParseCancellationException e) {
      Token offending =
          e.getCause() instanceof RecognitionException re && re.getOffendingToken() != null
              ? re.getOffendingToken()
              : parser.getCurrentToken();
      return offending.getTokenIndex() > prefix.size();
    } catch (StackOverflowError e) {
      return false;
    }
  }
}
