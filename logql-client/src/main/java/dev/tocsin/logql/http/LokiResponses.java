package dev.tocsin.logql.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.http.ApiResults;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.promql.value.LogStream;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Streams;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Loki's query results ({@code pkg/util/marshal}): vector, matrix and scalar as Prometheus
 * encodes them, plus streams with nanosecond timestamps as strings and optional structured
 * metadata as a third element of each value.
 */
final class LokiResponses {
  private LokiResponses() {}

  static QueryResult decode(String resultType, JsonNode result) {
    return switch (resultType) {
      case "streams" -> streams(result);
      case "string" -> null; // Loki has no string results
      default -> ApiResults.decode(resultType, result);
    };
  }

  private static Streams streams(JsonNode result) {
    List<LogStream> out = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      List<LogEntry> entries = new ArrayList<>();
      for (JsonNode v : s.get("values")) {
        long ts = Long.parseLong(v.get(0).asText());
        Labels metadata = Labels.EMPTY;
        JsonNode extra = v.get(2);
        if (extra != null && extra.isObject()) {
          // With categorize-labels the third element splits structuredMetadata and parsed labels.
          metadata = ApiResults.labels(extra.has("structuredMetadata") ? extra.get("structuredMetadata") : extra);
        }
        entries.add(new LogEntry(ts, v.get(1).asText(), metadata));
      }
      out.add(new LogStream(ApiResults.labels(s.get("stream")), entries));
    }
    return new Streams(out);
  }
}
