package dev.tocsin.promql.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes the {@code data.result} of Prometheus' query API, which Loki, Thanos, Mimir and
 * VictoriaMetrics share: vector, matrix, scalar and string, with timestamps as Unix seconds and
 * values as Go-formatted strings ({@code "0.25"}, {@code "NaN"}, {@code "+Inf"}).
 */
public final class ApiResults {
  private ApiResults() {}

  /** Decodes one {@code resultType}'s result; malformed input throws an unchecked exception the transport reports. */
  @FunctionalInterface
  public interface Decoder {
    /** The result, or {@code null} for a result type this decoder does not know. */
    QueryResult decode(String resultType, JsonNode result);
  }

  /** Prometheus' four result types. */
  public static QueryResult decode(String resultType, JsonNode result) {
    return switch (resultType) {
      case "vector" -> vector(result);
      case "matrix" -> matrix(result);
      case "scalar" -> new Scalar(millis(result.get(0)), value(result.get(1)));
      case "string" -> new StringResult(millis(result.get(0)), text(result.get(1)));
      default -> null;
    };
  }

  private static Vector vector(JsonNode result) {
    List<Sample> out = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      JsonNode v = s.get("value");
      if (v == null && s.has("histogram")) {
        throw nativeHistograms();
      }
      out.add(new Sample(labels(s.get("metric")), millis(v.get(0)), value(v.get(1))));
    }
    return new Vector(out);
  }

  private static Matrix matrix(JsonNode result) {
    List<Series> out = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      JsonNode values = s.get("values");
      if (s.has("histograms")) {
        throw nativeHistograms();
      }
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

  private static QueryException nativeHistograms() {
    return new QueryException(ErrorType.EXECUTION, "the result holds native histogram samples, which Tocsin does not support");
  }

  /** A JSON object of string values as labels ({@code metric}, {@code stream}); absent means none. */
  public static Labels labels(JsonNode obj) {
    if (obj == null || obj.isNull()) {
      return Labels.EMPTY;
    }
    if (!obj.isObject()) {
      throw new IllegalArgumentException("labels are not an object");
    }
    Labels.Builder b = Labels.builder();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      b.put(e.getKey(), text(e.getValue()));
    }
    return b.build();
  }

  /** A timestamp in Unix seconds (number or string, millisecond precision) as milliseconds. */
  public static long millis(JsonNode n) {
    BigDecimal seconds = n.isNumber() ? n.decimalValue() : new BigDecimal(text(n));
    return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** A sample value: a string formatted by Go's strconv, including {@code NaN} and {@code ±Inf}. */
  public static double value(JsonNode n) {
    String s = text(n);
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  private static String text(JsonNode n) {
    if (n == null || !n.isValueNode() || n.isNull()) {
      throw new IllegalArgumentException("expected a string");
    }
    return n.asText();
  }
}
