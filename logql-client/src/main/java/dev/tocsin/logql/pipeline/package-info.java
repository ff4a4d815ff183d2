/**
 * LogQL log pipelines ({@link dev.tocsin.logql.pipeline.Pipeline}): line filters, parsers, label
 * filters, formatters and label stages with Loki 3.x semantics, including the {@code __error__} rules.
 */
package dev.tocsin.logql.pipeline;
