package dev.tocsin.promql.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops at the first syntax error instead of ANTLR's single-token insertion and deletion, which
 * would report errors Prometheus never reports; the error travels up as a {@link SyntaxFailure}.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {
  /** The first syntax error, thrown out of the parse. */
  static final class SyntaxFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RecognitionException cause;

    SyntaxFailure(RecognitionException cause) {
      super(null, null, false, false);
      this.cause = cause;
    }

    RecognitionException recognition() {
      return cause;
    }
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw new SyntaxFailure(e);
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    throw new SyntaxFailure(new InputMismatchException(recognizer));
  }

  @Override
  public void sync(Parser recognizer) {
    // Errors surface where a token fails to match, which is where Prometheus reports them.
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    // Reported by PromqlParser from the SyntaxFailure.
  }
}
