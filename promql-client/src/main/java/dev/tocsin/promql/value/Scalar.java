package dev.tocsin.promql.value;

/** A scalar result at a timestamp (milliseconds since the epoch). */
public record Scalar(long timestamp, double value) implements QueryResult {}
