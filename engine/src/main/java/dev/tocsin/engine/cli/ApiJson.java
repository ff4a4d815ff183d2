package dev.tocsin.engine.cli;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.promql.value.LogStream;
import dev.tocsin.promql.value.Matrix;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Series;
import dev.tocsin.promql.value.StringResult;
import dev.tocsin.promql.value.Streams;
import dev.tocsin.promql.value.Vector;
import dev.tocsin.rules.report.Json;
import dev.tocsin.template.fmt.GoFloat;
import java.math.BigDecimal;

/**
 * Query results in the JSON of Prometheus' {@code /api/v1/query} ({@code resultType} vector,
 * matrix, scalar, string) and Loki's ({@code streams}): times as Unix seconds, values as strings.
 */
final class ApiJson {
  private ApiJson() {}

  static String success(QueryResult r) {
    StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":");
    if (r instanceof Vector v) {
      sb.append("\"vector\",\"result\":[");
      for (int i = 0; i < v.samples().size(); i++) {
        Sample s = v.samples().get(i);
        sb.append(i > 0 ? "," : "").append("{\"metric\":");
        labels(sb, s.metric());
        sb.append(",\"value\":");
        point(sb, s.timestamp(), s.value());
        sb.append('}');
      }
      sb.append(']');
    } else if (r instanceof Matrix m) {
      sb.append("\"matrix\",\"result\":[");
      for (int i = 0; i < m.series().size(); i++) {
        Series s = m.series().get(i);
        sb.append(i > 0 ? "," : "").append("{\"metric\":");
        labels(sb, s.metric());
        sb.append(",\"values\":[");
        for (int j = 0; j < s.size(); j++) {
          sb.append(j > 0 ? "," : "");
          point(sb, s.timestamp(j), s.value(j));
        }
        sb.append("]}");
      }
      sb.append(']');
    } else if (r instanceof Scalar s) {
      sb.append("\"scalar\",\"result\":");
      point(sb, s.timestamp(), s.value());
    } else if (r instanceof StringResult s) {
      sb.append("\"string\",\"result\":[").append(seconds(s.timestamp())).append(',').append(quote(s.value())).append(']');
    } else if (r instanceof Streams s) {
      sb.append("\"streams\",\"result\":[");
      for (int i = 0; i < s.streams().size(); i++) {
        LogStream st = s.streams().get(i);
        sb.append(i > 0 ? "," : "").append("{\"stream\":");
        labels(sb, st.labels());
        sb.append(",\"values\":[");
        for (int j = 0; j < st.entries().size(); j++) {
          LogEntry e = st.entries().get(j);
          sb.append(j > 0 ? "," : "").append("[\"").append(e.timestampNanos()).append("\",").append(quote(e.line())).append(']');
        }
        sb.append("]}");
      }
      sb.append(']');
    }
    return sb.append("}}").toString();
  }

  static String error(QueryException e) {
    return "{\"status\":\"error\",\"errorType\":" + quote(e.type().wireName()) + ",\"error\":" + quote(e.getMessage()) + "}";
  }

  private static void point(StringBuilder sb, long ms, double v) {
    String value = Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf") : GoFloat.format(v, 'f', -1);
    sb.append('[').append(seconds(ms)).append(',').append(quote(value)).append(']');
  }

  private static String seconds(long ms) {
    return new BigDecimal(ms).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

  private static void labels(StringBuilder sb, Labels l) {
    sb.append('{');
    for (int i = 0; i < l.size(); i++) {
      sb.append(i > 0 ? "," : "").append(quote(l.name(i))).append(':').append(quote(l.value(i)));
    }
    sb.append('}');
  }

  private static String quote(String s) {
    return Json.quote(s);
  }
}
