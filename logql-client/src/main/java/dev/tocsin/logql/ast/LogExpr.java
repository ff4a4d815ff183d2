package dev.tocsin.logql.ast;

/** A log query: a stream selector followed by pipeline stages; it returns log lines. */
public sealed interface LogExpr extends LogqlExpr permits LogQuery {}
