/**
 * The LogQL syntax tree: {@link dev.tocsin.logql.ast.LogqlExpr} with its two kinds, log queries
 * ({@link dev.tocsin.logql.ast.LogExpr}) and metric queries ({@link dev.tocsin.logql.ast.SampleExpr}),
 * and the pipeline {@link dev.tocsin.logql.ast.Stage}s. Every node is an immutable record whose
 * first component is its {@link dev.tocsin.model.Span} in the query text.
 */
package dev.tocsin.logql.ast;
