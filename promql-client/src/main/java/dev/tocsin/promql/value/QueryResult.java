package dev.tocsin.promql.value;

/**
 * The result of a PromQL or LogQL query, in the shapes of Prometheus' and Loki's query API:
 * scalar, string, instant vector, range matrix, or (LogQL log queries only) streams.
 */
public sealed interface QueryResult permits Scalar, StringResult, Vector, Matrix, Streams {}
