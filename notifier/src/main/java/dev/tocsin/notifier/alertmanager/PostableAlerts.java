package dev.tocsin.notifier.alertmanager;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Alertmanager API v2's {@code PostableAlerts} body: a JSON array of {@code {labels, annotations,
 * startsAt, endsAt, generatorURL}} with times in RFC 3339 at millisecond precision in UTC, as
 * Prometheus' notifier writes them. {@code endsAt} and an empty {@code generatorURL} are left out
 * (Go's {@code omitempty}); empty-valued labels are left out because Alertmanager drops them.
 */
public final class PostableAlerts {
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private PostableAlerts() {}

  /** The request body for a batch. */
  public static byte[] encode(List<OutgoingAlert> alerts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * alerts.size() + 16);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (OutgoingAlert a : alerts) {
        g.writeStartObject();
        writeLabels(g, "labels", a.labels());
        writeLabels(g, "annotations", a.annotations());
        g.writeStringField("startsAt", time(a.startsAt()));
        if (a.endsAt() != null) {
          g.writeStringField("endsAt", time(a.endsAt()));
        }
        if (!a.generatorUrl().isEmpty()) {
          g.writeStringField("generatorURL", a.generatorUrl());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding alerts", e);
    }
    return out.toByteArray();
  }

  /** A time as Prometheus sends it: {@code 2026-11-29T17:46:15.000Z}. */
  public static String time(Instant t) {
    return RFC3339_MILLIS.format(t);
  }

  private static void writeLabels(JsonGenerator g, String field, Labels labels) throws IOException {
    g.writeObjectFieldStart(field);
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.value(i).isEmpty()) {
        g.writeStringField(labels.name(i), labels.value(i));
      }
    }
    g.writeEndObject();
  }
}
