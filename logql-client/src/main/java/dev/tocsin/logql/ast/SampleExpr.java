package dev.tocsin.logql.ast;

/** A metric query: it returns samples, so it can be the expression of an alerting or recording rule. */
public sealed interface SampleExpr extends LogqlExpr
    permits RangeAggregation, VectorAggregation, BinaryExpr, LiteralExpr, VectorExpr, LabelReplace {}
