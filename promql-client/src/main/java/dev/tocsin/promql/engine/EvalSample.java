package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;

/**
 * One element of an instant vector inside the evaluator; {@code dropName} marks a sample whose
 * {@code __name__} is to be removed at the end (Prometheus' delayed name removal).
 */
record EvalSample(Labels metric, double value, boolean dropName) {}
