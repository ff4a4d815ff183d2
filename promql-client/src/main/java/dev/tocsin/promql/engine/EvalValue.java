package dev.tocsin.promql.engine;

/** The value of an expression at one evaluation step, inside the evaluator. */
sealed interface EvalValue permits ScalarValue, StringValue, InstantVector, RangeVector {}
