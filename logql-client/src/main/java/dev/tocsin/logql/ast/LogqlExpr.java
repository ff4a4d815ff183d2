package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;

/** A parsed LogQL query: either a log query or a metric (sample) query. */
public sealed interface LogqlExpr permits LogExpr, SampleExpr {
  /** Where the expression is in the query text. */
  Span span();

  /** Calls the visitor method for this node's type. */
  <R> R accept(LogqlVisitor<R> visitor);
}
