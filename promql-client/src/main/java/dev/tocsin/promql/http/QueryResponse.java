package dev.tocsin.promql.http;

import dev.tocsin.promql.value.QueryResult;
import java.util.List;
import java.util.Objects;

/**
 * A successful answer of a query API: the result and the {@code warnings} (and, from Prometheus
 * 3, {@code infos}) the server attached, e.g. a partial answer from Thanos or a PromQL annotation.
 */
public record QueryResponse(QueryResult result, List<String> warnings, List<String> infos) {
  public QueryResponse {
    Objects.requireNonNull(result, "result is null");
    warnings = List.copyOf(warnings);
    infos = List.copyOf(infos);
  }
}
