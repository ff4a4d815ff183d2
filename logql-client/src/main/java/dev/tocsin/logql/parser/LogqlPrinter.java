package dev.tocsin.logql.parser;

import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.Stage;

/**
 * Prints an expression as LogQL text that {@link LogqlParser} parses back into an equal tree
 * (spans aside): binary operations and nested label filters are parenthesized, strings are
 * double-quoted with Go escapes, and durations use a notation Loki reads back exactly.
 */
public final class LogqlPrinter {
  private LogqlPrinter() {}

  /** The expression as LogQL text. */
  public static String print(LogqlExpr expr) {
    return expr.accept(PrintingVisitor.INSTANCE);
  }

  /** One pipeline stage as LogQL text, starting with its operator ({@code |=}, {@code |}). */
  public static String print(Stage stage) {
    return stage.accept(PrintingVisitor.INSTANCE);
  }
}
