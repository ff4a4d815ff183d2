package dev.tocsin.promql.engine;

/** A scalar at one step. */
record ScalarValue(double value) implements EvalValue {}
