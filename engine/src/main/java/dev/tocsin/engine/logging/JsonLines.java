package dev.tocsin.engine.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Writes a log line as one JSON object; Jackson escapes quotes, backslashes and control characters. */
final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {}

  static String format(LogLine line) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("ts", LogFormat.TIMESTAMP.format(line.ts()));
      g.writeStringField("level", line.level());
      g.writeStringField("service", LogLine.SERVICE);
      g.writeStringField("event", line.event());
      g.writeFieldName("correlation_id");
      if (line.correlationId() == null) {
        g.writeNull();
      } else {
        g.writeString(line.correlationId());
      }
      g.writeStringField("msg", line.msg());
      g.writeObjectFieldStart("extra");
      for (Map.Entry<String, Object> e : line.extra().entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Numbers and booleans keep their JSON type, collections become arrays, anything else its text. */
  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d && Double.isFinite(d) || v instanceof Float f && Float.isFinite(f)) {
      g.writeNumber(((Number) v).doubleValue());
    } else if (v instanceof BigInteger || v instanceof BigDecimal) {
      g.writeNumber(v.toString());
    } else if (v instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        value(g, item);
      }
      g.writeEndArray();
    } else {
      // Non-finite doubles included: JSON has no NaN, so they are written as Go prints them.
      g.writeString(text(v));
    }
  }

  static String text(Object v) {
    if (v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
      return "NaN";
    }
    if (v instanceof Number n && Double.isInfinite(n.doubleValue())) {
      return n.doubleValue() > 0 ? "+Inf" : "-Inf";
    }
    return String.valueOf(v);
  }
}
