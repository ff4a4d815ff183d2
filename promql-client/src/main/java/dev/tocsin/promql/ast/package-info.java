/**
 * The PromQL syntax tree: immutable records under the sealed {@link dev.tocsin.promql.ast.Expr},
 * an exhaustive {@link dev.tocsin.promql.ast.ExprVisitor} and a printer back to PromQL text.
 */
package dev.tocsin.promql.ast;
