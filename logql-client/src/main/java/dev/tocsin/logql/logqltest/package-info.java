/**
 * An interpreter of Loki's logqltest script language ({@link
 * dev.tocsin.logql.logqltest.LogqlTestRunner}) and the load-line notation shared with rule unit
 * tests and stream files ({@link dev.tocsin.logql.logqltest.LoadLine}).
 */
package dev.tocsin.logql.logqltest;
