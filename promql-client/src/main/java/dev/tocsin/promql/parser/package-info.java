/**
 * The PromQL parser ({@link dev.tocsin.promql.parser.PromqlParser}), its options and function
 * table; ANTLR's generated classes are used here and nowhere else.
 */
package dev.tocsin.promql.parser;
