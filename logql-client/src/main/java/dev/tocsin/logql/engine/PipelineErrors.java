package dev.tocsin.logql.engine;

import dev.tocsin.logql.pipeline.LabelState;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.QueryException;

/** Loki's failure of a metric query whose samples still carry {@code __error__} ({@code logqlmodel.PipelineError}). */
final class PipelineErrors {
  private PipelineErrors() {}

  static QueryException failure(Labels series) {
    String type = series.getOrEmpty(LabelState.ERROR);
    return new QueryException(
        QueryException.ErrorType.BAD_DATA,
        "pipeline error: '" + type + "' for series: '" + series + "'.\n"
            + "Use a label filter to intentionally skip this error. (e.g | __error__!=\"" + type + "\").\n"
            + "To skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
            + "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )");
  }
}
