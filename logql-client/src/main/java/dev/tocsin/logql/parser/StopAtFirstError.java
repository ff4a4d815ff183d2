package dev.tocsin.logql.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops the parser at the first syntax error, without repairing the input. Unlike ANTLR's
 * BailErrorStrategy it keeps the checks at loop boundaries, so the error is found where a loop
 * cannot go on, with the full set of tokens that could have come next (as yacc reports it).
 */
final class StopAtFirstError extends DefaultErrorStrategy {
  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw new ParseCancellationException(e);
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    throw new ParseCancellationException(new InputMismatchException(recognizer));
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    // The caller turns the exception into a ParseError; nothing is printed.
  }

  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    return null;
  }

  @Override
  protected boolean singleTokenInsertion(Parser recognizer) {
    return false;
  }
}
