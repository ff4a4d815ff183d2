package dev.tocsin.promql.parser;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.grammar.PromQLLexer;
import dev.tocsin.promql.grammar.PromQLParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses PromQL as Prometheus 3.x does, type checks it, and reports errors in Prometheus' words;
 * {@code ParseError.format(text)} then prints what Prometheus prints, e.g. {@code 1:5: parse
 * error: unclosed left parenthesis}.
 */
public final class PromqlParser {
  /** Lexer and parser are reused per thread; ANTLR's prediction caches are shared anyway. */
  private static final ThreadLocal<Machinery> MACHINERY = ThreadLocal.withInitial(Machinery::new);

  private PromqlParser() {}

  /** Parses with {@link ParserOptions#DEFAULT}. */
  public static Expr parse(String text) {
    return parse(text, ParserOptions.DEFAULT);
  }

  /**
   * Parses and type checks an expression.
   *
   * @throws ExpressionException with the errors found, the first being the one Prometheus reports
   */
  public static Expr parse(String text, ParserOptions options) {
    Objects.requireNonNull(text, "text is null");
    Objects.requireNonNull(options, "options is null");
    Machinery m = MACHINERY.get();
    try {
      return m.parse(text, options);
    } catch (StackOverflowError e) {
      // Nesting that the pre-scan cannot see (long chains of unary operators or binary operators
      // in deep trees); the machinery is dropped in case the overflow left it half-updated.
      MACHINERY.remove();
      throw new ExpressionException(text, new ParseError(new Span(0, 0), "expression nested too deeply"));
    }
  }

  /** One thread's lexer and parser. */
  private static final class Machinery {
    private final PromQLLexer lexer = new PromQLLexer(CharStreams.fromString(""));
    private final PromQLParser parser;

    Machinery() {
      lexer.removeErrorListeners();
      parser = new PromQLParser(new CommonTokenStream(lexer));
      parser.removeErrorListeners();
    }

    Expr parse(String text, ParserOptions options) {
      lexer.setInputStream(CharStreams.fromString(text));
      CommonTokenStream tokens = new CommonTokenStream(lexer);
      tokens.fill();
      List<Token> all = tokens.getTokens();

      ParseError tooDeep = LexicalCheck.tooDeep(all);
      if (tooDeep != null) {
        throw new ExpressionException(text, tooDeep);
      }

      PromQLParser.QueryContext tree = parseTree(text, tokens, all);
      // A tree without syntax errors may still hold a string with a bad escape.
      LexicalCheck.LexicalError lexical = LexicalCheck.firstError(text, all);
      if (lexical != null) {
        throw new ExpressionException(text, lexical.error());
      }
      List<ParseError> errors = new ArrayList<>();
      Expr expr = new AstBuilder(options, errors).build(tree);
      if (errors.isEmpty()) {
        // Prometheus type checks only a tree without syntax errors.
        expr = new TypeChecker(text, errors).check(expr);
      }
      if (!errors.isEmpty()) {
        throw new ExpressionException(text, errors);
      }
      return expr;
    }

    private PromQLParser.QueryContext parseTree(String text, CommonTokenStream tokens, List<Token> all) {
      parser.setTokenStream(tokens);
      parser.setErrorHandler(new BailErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      try {
        return parser.query();
      } catch (ParseCancellationException sllFailed) {
        // SLL is fast but may fail on valid input; full LL decides and words the real error.
        tokens.seek(0);
        parser.setTokenStream(tokens);
        parser.setErrorHandler(new FailFastErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        try {
          return parser.query();
        } catch (FailFastErrorStrategy.SyntaxFailure f) {
          throw syntaxError(text, f.recognition(), all);
        }
      }
    }

    private static ExpressionException syntaxError(String text, RecognitionException e, List<Token> all) {
      Token offending = e.getOffendingToken();
      if (offending == null) {
        offending = all.get(all.size() - 1);
      }
      LexicalCheck.LexicalError lexical = LexicalCheck.firstError(text, all);
      if (lexical != null && lexical.tokenIndex() <= offending.getTokenIndex()) {
        return new ExpressionException(text, lexical.error());
      }
      return new ExpressionException(text, SyntaxMessages.describe(e, offending, all));
    }
  }
}
