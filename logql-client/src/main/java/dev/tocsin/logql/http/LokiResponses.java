package dev.tocsin.logql.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.promql.value.LogStream;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.Streams;
import dev.tocsin.promql.value.Vector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes Loki's query responses ({@code pkg/util/marshal}): vector, matrix and scalar with
 * timestamps in seconds and values as strings, and streams with nanosecond timestamps as strings
 * and optional structured metadata as a third element of each value.
 */
final class LokiResponses {
  private LokiResponses() {}

  static QueryResult decode(JsonNode root, String body) {
    String status = root.path("status").asText("");
    if (status.equals("error")) {
      throw new QueryException(errorType(root.path("errorType").asText("")), root.path("error").asText("unknown error"));
    }
    if (!status.equals("success")) {
      throw invalid("no status \"success\"", body);
    }
    JsonNode data = root.path("data");
    JsonNode result = data.path("result");
    String type = data.path("resultType").asText("");
    try {
      return switch (type) {
        case "vector" -> vector(result);
        case "matrix" -> matrix(result);
        case "scalar" -> new Scalar(millis(result.get(0)), value(result.get(1)));
        case "streams" -> streams(result);
        default -> throw invalid("unknown resultType \"" + type + "\"", body);
      };
    } catch (NullPointerException | NumberFormatException | ArithmeticException e) {
      throw invalid("malformed " + type + " result", body);
    }
  }

  private static QueryException invalid(String what, String body) {
    return new QueryException(ErrorType.INTERNAL, "invalid response from Loki: " + what + ": " + LokiErrors.excerpt(body));
  }

  private static ErrorType errorType(String wire) {
    for (ErrorType t : ErrorType.values()) {
      if (t.wireName().equals(wire)) {
        return t;
      }
    }
    return ErrorType.EXECUTION;
  }

  private static Vector vector(JsonNode result) {
    List<Sample> out = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      JsonNode v = s.get("value");
      out.add(new Sample(labels(s.get("metric")), millis(v.get(0)), value(v.get(1))));
    }
    return new Vector(out);
  }

  private static Matrix matrix(JsonNode result) {
    List<Series> out = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      JsonNode values = s.get("values");
      long[] ts = new long[values.size()];
      double[] vs = new double[values.size()];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = millis(values.get(i).get(0));
        vs[i] = value(values.get(i).get(1));
      }
      out.add(new Series(labels(s.get("metric")), ts, vs));
    }
    return new Matrix(out);
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
          metadata = labels(extra.has("structuredMetadata") ? extra.get("structuredMetadata") : extra);
        }
        entries.add(new LogEntry(ts, v.get(1).asText(), metadata));
      }
      out.add(new LogStream(labels(s.get("stream")), entries));
    }
    return new Streams(out);
  }

  private static Labels labels(JsonNode obj) {
    if (obj == null || !obj.isObject()) {
      return Labels.EMPTY;
    }
    Labels.Builder b = Labels.builder();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isValueNode()) {
        b.put(e.getKey(), e.getValue().asText());
      }
    }
    return b.build();
  }

  /** A timestamp in seconds (number or string, ms precision) as milliseconds. */
  private static long millis(JsonNode n) {
    BigDecimal seconds = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
    return seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
  }

  /** Values are strings formatted by Go: {@code "6"}, {@code "0.25"}, {@code "NaN"}, {@code "+Inf"}. */
  private static double value(JsonNode n) {
    String s = n.asText();
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }
}
