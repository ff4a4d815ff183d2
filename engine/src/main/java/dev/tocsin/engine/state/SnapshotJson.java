package dev.tocsin.engine.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.Label;
import dev.tocsin.model.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link GroupSnapshot} in the state directory, version {@value #VERSION}.
 * Times are RFC 3339 with nanoseconds; absent times are {@code null}; the alert value is a string
 * as in Prometheus' API ({@code "NaN"}, {@code "+Inf"}, {@code "-Inf"} or a decimal), so special
 * values survive standard JSON.
 */
public final class SnapshotJson {
  /** The format version written and the only one read. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");

  private SnapshotJson() {}

  /** The file content for {@code s}. */
  public static byte[] encode(GroupSnapshot s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 512 * s.alertCount());
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("file", s.file());
      g.writeStringField("group", s.group());
      g.writeStringField("evaluatedAt", s.evaluatedAt().toString());
      g.writeArrayFieldStart("rules");
      for (RuleSnapshot r : s.rules()) {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeNumberField("occurrence", r.occurrence());
        writeLabels(g, "labels", r.ruleLabels());
        g.writeArrayFieldStart("alerts");
        for (Alert a : r.alerts()) {
          writeAlert(g, a);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void writeAlert(JsonGenerator g, Alert a) throws IOException {
    g.writeStartObject();
    writeLabels(g, "labels", a.labels());
    writeLabels(g, "annotations", a.annotations());
    g.writeStringField("value", formatValue(a.value()));
    g.writeStringField("state", a.status().id());
    writeTime(g, "activeAt", a.activeAt());
    writeTime(g, "firedAt", a.firedAt());
    writeTime(g, "resolvedAt", a.resolvedAt());
    writeTime(g, "lastSentAt", a.lastSentAt());
    writeTime(g, "validUntil", a.validUntil());
    writeTime(g, "keepFiringSince", a.keepFiringSince());
    g.writeEndObject();
  }

  private static void writeLabels(JsonGenerator g, String field, Labels labels) throws IOException {
    g.writeObjectFieldStart(field);
    for (Label l : labels) {
      g.writeStringField(l.name(), l.value());
    }
    g.writeEndObject();
  }

  private static void writeTime(JsonGenerator g, String field, Instant t) throws IOException {
    if (t == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, t.toString());
    }
  }

  static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(v);
  }

  /**
   * Reads a state file's content.
   *
   * @throws StateFormatException naming the JSON position or field path and what is wrong
   */
  public static GroupSnapshot decode(byte[] content) throws StateFormatException {
    if (content.length == 0) {
      throw new StateFormatException("the file is empty");
    }
    JsonNode root;
    try (JsonParser p = FACTORY.createParser(content)) {
      root = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new StateFormatException(syntaxError(p.currentTokenLocation(), "unexpected content after the end of the object"));
      }
    } catch (JsonProcessingException e) {
      throw new StateFormatException(syntaxError(e.getLocation(), e.getOriginalMessage()));
    } catch (IOException e) {
      throw new StateFormatException("not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new StateFormatException("expected a JSON object, got " + kind(root));
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt()) {
      throw new StateFormatException("no format version: expected \"version\": " + VERSION);
    }
    if (version.intValue() != VERSION) {
      throw new StateFormatException(
          "format version " + version.intValue() + " is not supported (this Tocsin reads version " + VERSION + ")");
    }
    String file = text(root, "file", "file");
    String group = text(root, "group", "group");
    Instant evaluatedAt = time(root, "evaluatedAt", "evaluatedAt", true);
    List<RuleSnapshot> rules = new ArrayList<>();
    int ri = 0;
    for (JsonNode r : array(root, "rules", "rules")) {
      String path = "rules[" + ri++ + "]";
      object(r, path);
      JsonNode occ = r.get("occurrence");
      if (occ == null || !occ.isInt() || occ.intValue() < 0) {
        throw new StateFormatException(path + ".occurrence: expected a non-negative integer, got " + kind(occ));
      }
      List<Alert> alerts = new ArrayList<>();
      int ai = 0;
      for (JsonNode a : array(r, "alerts", path + ".alerts")) {
        alerts.add(alert(a, path + ".alerts[" + ai++ + "]"));
      }
      rules.add(new RuleSnapshot(text(r, "name", path + ".name"), occ.intValue(),
          labels(r, "labels", path + ".labels"), alerts));
    }
    return new GroupSnapshot(file, group, evaluatedAt, rules);
  }

  private static Alert alert(JsonNode a, String path) throws StateFormatException {
    object(a, path);
    String state = text(a, "state", path + ".state");
    AlertStatus status = null;
    for (AlertStatus s : AlertStatus.values()) {
      if (s.id().equals(state)) {
        status = s;
      }
    }
    if (status == null) {
      throw new StateFormatException(path + ".state: expected inactive, pending or firing, got \"" + state + "\"");
    }
    return new Alert(labels(a, "labels", path + ".labels"), labels(a, "annotations", path + ".annotations"),
        value(text(a, "value", path + ".value"), path + ".value"), status,
        time(a, "activeAt", path + ".activeAt", true), time(a, "firedAt", path + ".firedAt", false),
        time(a, "resolvedAt", path + ".resolvedAt", false), time(a, "lastSentAt", path + ".lastSentAt", false),
        time(a, "validUntil", path + ".validUntil", false),
        time(a, "keepFiringSince", path + ".keepFiringSince", false));
  }

  static double value(String s, String path) throws StateFormatException {
    switch (s) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!DECIMAL.matcher(s).matches()) {
          throw new StateFormatException(path + ": expected a number, NaN, +Inf or -Inf, got \"" + s + "\"");
        }
        return Double.parseDouble(s);
    }
  }

  private static Labels labels(JsonNode parent, String field, String path) throws StateFormatException {
    JsonNode n = parent.get(field);
    object(n, path);
    Labels.Builder b = Labels.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new StateFormatException(path + "." + e.getKey() + ": expected a string, got " + kind(e.getValue()));
      }
      b.put(e.getKey(), e.getValue().textValue());
    }
    return b.build();
  }

  private static Instant time(JsonNode parent, String field, String path, boolean required)
      throws StateFormatException {
    JsonNode n = parent.get(field);
    if (!required && n != null && n.isNull()) {
      return null;
    }
    if (n == null || !n.isTextual()) {
      throw new StateFormatException(path + ": expected an RFC 3339 time" + (required ? "" : " or null")
          + ", got " + kind(n));
    }
    try {
      return Instant.parse(n.textValue());
    } catch (DateTimeParseException e) {
      throw new StateFormatException(path + ": \"" + n.textValue() + "\" is not an RFC 3339 time");
    }
  }

  private static String text(JsonNode parent, String field, String path) throws StateFormatException {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) {
      throw new StateFormatException(path + ": expected a string, got " + kind(n));
    }
    return n.textValue();
  }

  private static JsonNode array(JsonNode parent, String field, String path) throws StateFormatException {
    JsonNode n = parent.get(field);
    if (n == null || !n.isArray()) {
      throw new StateFormatException(path + ": expected an array, got " + kind(n));
    }
    return n;
  }

  private static void object(JsonNode n, String path) throws StateFormatException {
    if (n == null || !n.isObject()) {
      throw new StateFormatException(path + ": expected an object, got " + kind(n));
    }
  }

  private static String kind(JsonNode n) {
    return n == null || n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String syntaxError(JsonLocation at, String message) {
    String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
    // Jackson appends where an unclosed object started as a source excerpt; the position suffices.
    String text = String.valueOf(message).lines().findFirst().orElse("").replaceFirst(" \\(for \\w+ starting at .*$", "");
    return "not valid JSON" + where + ": " + text;
  }
}
