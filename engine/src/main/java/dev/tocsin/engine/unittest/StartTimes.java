package dev.tocsin.engine.unittest;

import dev.tocsin.model.yaml.NodeReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Reads a start time written as Unix seconds or RFC 3339, as promtool's {@code start_timestamp}. */
final class StartTimes {
  private StartTimes() {}

  /** The time in the field, {@code absent} when there is no field, after reporting a bad value. */
  static Instant read(NodeReader r, NodeTuple field, Instant absent) {
    if (field == null) {
      return absent;
    }
    String s = r.string(field.getValueNode());
    if (s == null) {
      return absent;
    }
    try {
      if (s.matches("-?[0-9]+(\\.[0-9]+)?")) {
        return Instant.ofEpochMilli(new BigDecimal(s).movePointRight(3).longValue());
      }
      return Instant.parse(s);
    } catch (DateTimeParseException | ArithmeticException e) {
      r.error("yaml/type", field.getValueNode(), "cannot parse \"" + s + "\" as a Unix timestamp or RFC 3339 time");
      return absent;
    }
  }
}
