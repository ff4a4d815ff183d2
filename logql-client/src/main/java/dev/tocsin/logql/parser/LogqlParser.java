package dev.tocsin.logql.parser;

import dev.tocsin.logql.ast.LogExpr;
import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.grammar.LogQLParser;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses LogQL as Loki's {@code syntax.ParseExpr} does (Loki 3.x): the grammar, then the checks
 * Loki makes while building and validating the expression, with Loki's error messages.
 *
 * <p>Where this differs from Loki, on purpose: every stream selector of a metric query must have a
 * matcher that cannot match the empty string (Loki checks only the selectors its {@code
 * Selector()} walk reaches); nesting deeper than {@link #MAX_NESTING} is rejected instead of
 * recursing; {@code variants(...) of (...)} queries are not supported (a syntax error); the
 * "expecting ..." part of syntax errors is computed from this grammar and matches goyacc's list in
 * the common cases only. Checks that Loki makes only when a query runs (line filter regexes,
 * {@code ip()} patterns, templates, JSON paths) are left to the engine, as in Loki.
 */
public final class LogqlParser {
  /** Loki's limit on the query size in bytes. */
  public static final int MAX_INPUT_BYTES = 128 * 1024;

  /**
   * Nesting depth of parentheses and braces beyond which a query is rejected; well above what a
   * person writes, and low enough that the recursive-descent parser cannot overflow the stack.
   */
  public static final int MAX_NESTING = 256;

  private LogqlParser() {}

  /**
   * Parses a log or metric query.
   *
   * @throws ExpressionException holding the first error, with its span and Loki's message
   */
  public static LogqlExpr parse(String text) {
    try {
      return parseOrFail(text);
    } catch (ParseFailure f) {
      throw new ExpressionException(text, f.error());
    } catch (StackOverflowError e) {
      throw new ExpressionException(text, new ParseError(new Span(0, text.length()), "expression too deep"));
    }
  }

  /**
   * Parses a metric query, as a rule needs one.
   *
   * @throws ExpressionException when the text does not parse or is a log query
   */
  public static SampleExpr parseSample(String text) {
    LogqlExpr e = parse(text);
    if (e instanceof SampleExpr s) {
      return s;
    }
    throw new ExpressionException(
        text,
        new ParseError(
            e.span(),
            "only sample expression supported: this is a log query, and a rule needs a metric query"
                + " such as count_over_time(<log query> [5m])"));
  }

  /** Parses a query that must be a log query (stream selector and pipeline). */
  public static LogExpr parseLog(String text) {
    LogqlExpr e = parse(text);
    if (e instanceof LogExpr l) {
      return l;
    }
    throw new ExpressionException(text, new ParseError(e.span(), "only log selector is supported"));
  }

  private static LogqlExpr parseOrFail(String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= MAX_INPUT_BYTES) {
      throw new ParseFailure(
          new Span(0, text.length()), "input size too long (" + bytes + " > " + MAX_INPUT_BYTES + ")");
    }
    // A char-based stream keeps token offsets equal to Java string offsets.
    CodePointCharStream chars = CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())));
    LogqlLexer lexer = new LogqlLexer(chars, text);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    checkNesting(tokens.getTokens());

    LogQLParser parser = new LogQLParser(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new StopAtFirstError());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    LogQLParser.RootContext root;
    try {
      root = parser.root();
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      try {
        root = parser.root();
      } catch (ParseCancellationException e) {
        ParseError syntax = syntaxError(e, tokens);
        if (!lexer.errors().isEmpty() && lexer.errors().get(0).span().start() <= syntax.span().start()) {
          throw new ParseFailure(lexer.errors().get(0).span(), lexer.errors().get(0).message());
        }
        throw new ParseFailure(syntax.span(), syntax.message());
      }
    }
    if (!lexer.errors().isEmpty()) {
      ParseError first = lexer.errors().get(0);
      throw new ParseFailure(first.span(), first.message());
    }
    LogqlExpr expr = new AstBuilder(tokens).expr(root.expr());
    SelectorValidator.validate(expr);
    return expr;
  }

  private static void checkNesting(List<Token> tokens) {
    int depth = 0;
    for (Token t : tokens) {
      int type = t.getType();
      if (type == LogQLParser.OPEN_PARENTHESIS || type == LogQLParser.OPEN_BRACE) {
        if (++depth > MAX_NESTING) {
          throw new ParseFailure(
              AstBuilder.tokenSpan(t), "expression too deep: more than " + MAX_NESTING + " nested parentheses");
        }
      } else if (type == LogQLParser.CLOSE_PARENTHESIS || type == LogQLParser.CLOSE_BRACE) {
        depth--;
      }
    }
  }

  /** Loki's yacc message: the unexpected token, and the expected ones when there are at most four. */
  private static ParseError syntaxError(ParseCancellationException e, CommonTokenStream tokens) {
    Token offending = tokens.LT(1);
    if (e.getCause() instanceof RecognitionException re && re.getOffendingToken() != null) {
      offending = re.getOffendingToken();
    }
    String expecting = ExpectedTokens.suffix(tokens.getTokens(), offending.getTokenIndex());
    return new ParseError(
        AstBuilder.tokenSpan(offending), "syntax error: unexpected " + TokenNames.of(offending.getType()) + expecting);
  }
}
