package dev.tocsin.rules.model;

import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.promql.ast.Expr;

/** A parsed rule expression in one of the two languages. */
public sealed interface ParsedQuery {
  /** A PromQL expression. */
  record Promql(Expr expr) implements ParsedQuery {}

  /** A LogQL metric query. */
  record Logql(SampleExpr expr) implements ParsedQuery {}
}
