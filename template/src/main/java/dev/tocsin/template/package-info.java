/** Go's text/template for Java: lexer, parser, AST and executor. */
package dev.tocsin.template;
