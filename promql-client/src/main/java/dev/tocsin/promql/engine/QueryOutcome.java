package dev.tocsin.promql.engine;

import dev.tocsin.promql.value.QueryResult;
import java.util.List;
import java.util.Objects;

/**
 * A query's result with the warnings and info notes Prometheus would return beside it.
 *
 * @param warnings {@code PromQL warning: …} annotations with their {@code (line:col)} suffix
 * @param infos {@code PromQL info: …} annotations with their {@code (line:col)} suffix
 */
public record QueryOutcome(QueryResult result, List<String> warnings, List<String> infos) {
  public QueryOutcome {
    Objects.requireNonNull(result, "result is null");
    warnings = List.copyOf(warnings);
    infos = List.copyOf(infos);
  }
}
