package dev.tocsin.promql.engine;

/** A string at one step. */
record StringValue(String value) implements EvalValue {}
