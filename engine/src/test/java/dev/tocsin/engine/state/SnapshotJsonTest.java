package dev.tocsin.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {
  /** A valid file with one firing alert, which the broken-field table breaks one field at a time. */
  private static final String VALID = "{\"version\":1,\"file\":\"f\",\"group\":\"g\","
      + "\"evaluatedAt\":\"1970-01-01T00:00:00Z\",\"rules\":[{\"name\":\"A\",\"occurrence\":0,\"labels\":{},"
      + "\"alerts\":[{\"labels\":{\"alertname\":\"A\"},\"annotations\":{},\"value\":\"1.5\",\"state\":\"firing\","
      + "\"activeAt\":\"1970-01-01T00:00:00Z\",\"firedAt\":null,\"resolvedAt\":null,\"lastSentAt\":null,"
      + "\"validUntil\":null,\"keepFiringSince\":null}]}]}";
  private static final Instant T = Instant.parse("2026-08-01T12:00:00.123456789Z");

  private static Alert alert(double value, AlertStatus status, Instant firedAt, Instant resolvedAt, Instant lastSentAt,
      Instant validUntil, Instant keepFiringSince) {
    return new Alert(Labels.of("alertname", "Down", "instance", "a:9100", "empty", ""),
        Labels.of("summary", "déjà \"vu\"\n{{ $value }}"), value, status, T, firedAt, resolvedAt, lastSentAt,
        validUntil, keepFiringSince);
  }

  /** Every field, nulls and special values included, so each can be checked to survive. */
  static GroupSnapshot everyField() {
    List<Alert> alerts = List.of(
        alert(Double.NaN, AlertStatus.PENDING, null, null, null, null, null),
        alert(Double.POSITIVE_INFINITY, AlertStatus.FIRING, T.plusSeconds(60), null, T.plusSeconds(60),
            T.plusSeconds(300), T.plusSeconds(90)),
        alert(Double.NEGATIVE_INFINITY, AlertStatus.INACTIVE, T.plusSeconds(1), T.plusSeconds(2), T.plusSeconds(3),
            T.plusSeconds(4), null),
        alert(-0.0, AlertStatus.FIRING, T, null, null, null, null),
        alert(1.0000000000000002e-300, AlertStatus.FIRING, T, null, null, null, null),
        alert(12345.678, AlertStatus.FIRING, T, null, null, null, null));
    return new GroupSnapshot("rules/ü.yml", "api \"group\"", T, List.of(
        new RuleSnapshot("Down", 0, Labels.of("severity", "{{ $labels.sev }}"), alerts),
        new RuleSnapshot("Down", 1, Labels.EMPTY, List.of())));
  }

  @Test
  void roundTripKeepsEveryFieldExactly() throws Exception {
    GroupSnapshot s = everyField();
    GroupSnapshot back = SnapshotJson.decode(SnapshotJson.encode(s));
    assertThat(back).isEqualTo(s);
    // Record equality compares doubles bit-wise via Double.compare: check the sign of zero too.
    assertThat(Double.doubleToRawLongBits(back.rules().get(0).alerts().get(3).value()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(back.rules().get(0).alerts().get(0).labels().get("empty")).isEmpty();
  }

  @Test
  void specialValuesAreWrittenAsPrometheusStrings() {
    String json = new String(SnapshotJson.encode(everyField()), StandardCharsets.UTF_8);
    assertThat(json).contains("\"value\":\"NaN\"", "\"value\":\"+Inf\"", "\"value\":\"-Inf\"", "\"version\":1",
        "\"firedAt\":null", "\"activeAt\":\"2026-08-01T12:00:00.123456789Z\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ``         | the file is empty
      ` `        | expected a JSON object, got nothing
      garbage    | not valid JSON at line 1 column 1: Unrecognized token 'garbage': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
      [1,2]      | expected a JSON object, got array
      null       | expected a JSON object, got null
      "x"        | expected a JSON object, got string
      {}         | no format version: expected "version": 1
      """)
  void rejectsWhatIsNotASnapshotObject(String content, String reason) {
    assertThatThrownBy(() -> SnapshotJson.decode(content.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(reason);
  }

  @Test
  void rejectsBinaryContent() {
    assertThatThrownBy(() -> SnapshotJson.decode(new byte[] {0, 1, 2, (byte) 0xff}))
        .isInstanceOf(StateFormatException.class)
        .hasMessageStartingWith("not valid JSON at line 1 column ");
  }

  @Test
  void truncatedFileNamesWhereItEnds() {
    byte[] full = SnapshotJson.encode(everyField());
    byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
    assertThatThrownBy(() -> SnapshotJson.decode(cut))
        .isInstanceOf(StateFormatException.class)
        .hasMessageStartingWith("not valid JSON at line 1 column ")
        .hasMessageContaining("end-of-input");
  }

  /** One field broken at a time in an otherwise valid file, and the exact reason given. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "version":1                | "version":2                  | format version 2 is not supported (this Tocsin reads version 1)
      "version":1                | "versio":1                   | no format version: expected "version": 1
      "version":1                | "version":"1"                | no format version: expected "version": 1
      "group":"g"                | "group":7                    | group: expected a string, got number
      "evaluatedAt":"1970-01-01T00:00:00Z" | "evaluatedAt":"yesterday" | evaluatedAt: "yesterday" is not an RFC 3339 time
      "occurrence":0             | "occurrence":-1              | rules[0].occurrence: expected a non-negative integer, got number
      "state":"firing"           | "state":"burning"            | rules[0].alerts[0].state: expected inactive, pending or firing, got "burning"
      "value":"1.5"              | "value":"Infinity"           | rules[0].alerts[0].value: expected a number, NaN, +Inf or -Inf, got "Infinity"
      "value":"1.5"              | "value":1.5                  | rules[0].alerts[0].value: expected a string, got number
      "activeAt":"1970-01-01T00:00:00Z" | "activeAt":null         | rules[0].alerts[0].activeAt: expected an RFC 3339 time, got null
      "firedAt":null             | "firedAt":5                  | rules[0].alerts[0].firedAt: expected an RFC 3339 time or null, got number
      "labels":{"alertname":"A"} | "labels":{"alertname":1}     | rules[0].alerts[0].labels.alertname: expected a string, got number
      "annotations":{}           | "annotations":[]             | rules[0].alerts[0].annotations: expected an object, got array
      """)
  void reportsTheBrokenFieldAndWhy(String from, String to, String reason) {
    assertThat(VALID).contains(from);
    assertThatThrownBy(() -> SnapshotJson.decode(VALID.replace(from, to).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "alerts":[                  | "alerts":{"x":[                | 1 | 341 | Unexpected close marker ']': expected '}'
      "group":"g"                 | "group":"g","group":"h"        | 1 | 44  | Duplicate field 'group'
      "keepFiringSince":null}]}]} | "keepFiringSince":null}]}]}{}  | 1 | 338 | unexpected content after the end of the object
      "file":"f"                  | "file":nul                     | 1 | 21  | Unrecognized token 'nul': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
      """)
  void invalidJsonNamesLineAndColumn(String from, String to, int line, int column, String reason) {
    String broken = VALID.replace(from, to);
    assertThatThrownBy(() -> SnapshotJson.decode(broken.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class)
        .hasMessage("not valid JSON at line " + line + " column " + column + ": " + reason);
  }

  @Test
  void invalidJsonOnALaterLineNamesThatLine() {
    byte[] content = "{\n  \"version\": 1,\n  \"file\": ]\n}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SnapshotJson.decode(content))
        .isInstanceOf(StateFormatException.class)
        .hasMessageStartingWith("not valid JSON at line 3 column 11: ");
  }

  @Test
  void theValidBaseOfTheBrokenFieldTableReads() throws Exception {
    GroupSnapshot s = SnapshotJson.decode(VALID.getBytes(StandardCharsets.UTF_8));
    assertThat(s.rules().get(0).alerts().get(0).value()).isEqualTo(1.5);
  }
}
