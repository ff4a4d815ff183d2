/**
 * Parsing LogQL as Loki does ({@link dev.tocsin.logql.parser.LogqlParser}) and printing it back
 * ({@link dev.tocsin.logql.parser.LogqlPrinter}). The ANTLR-generated classes stay in this package
 * and in {@code dev.tocsin.logql.grammar}.
 */
package dev.tocsin.logql.parser;
