package dev.tocsin.engine.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class TocsinLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-11-29T21:44:38.123456789Z");

  private final LoggerContext context = new LoggerContext();

  private LoggingEvent event(Level level, String msg, Map<String, String> mdc, Object... kvs) {
    LoggingEvent e = new LoggingEvent("x", context.getLogger("dev.tocsin.engine.daemon.GroupRunner"), level, msg,
        null, null);
    e.setInstant(AT);
    e.setMDCPropertyMap(mdc);
    List<KeyValuePair> pairs = new ArrayList<>();
    for (int i = 0; i < kvs.length; i += 2) {
      pairs.add(new KeyValuePair((String) kvs[i], kvs[i + 1]));
    }
    e.setKeyValuePairs(pairs);
    return e;
  }

  private static String layout(LogFormat format, LoggingEvent e) {
    TocsinLayout layout = new TocsinLayout();
    layout.setFormat(format);
    return layout.doLayout(e);
  }

  private static JsonNode parseLine(String line) throws Exception {
    assertThat(line).endsWith("\n");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
    return JSON.readTree(line);
  }

  @Test
  void jsonLineHasTheFixedKeysInOrderWithTheirTypes() throws Exception {
    String line = layout(LogFormat.JSON, event(Level.WARN, "group g missed 2 iterations",
        Map.of("correlation_id", "00ab12cd34ef5678"), "event", "iterations_missed", "rule_group", "r.yml;g",
        "missed", 2L, "duration_seconds", 0.25, "ok", true, "ids", List.of("a", "b")));
    JsonNode n = parseLine(line);
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ts", "level", "service", "event", "correlation_id", "msg", "extra");
    assertThat(n.get("ts").asText()).isEqualTo("2026-11-29T21:44:38.123456Z");
    assertThat(n.get("level").asText()).isEqualTo("warn");
    assertThat(n.get("service").asText()).isEqualTo("tocsin");
    assertThat(n.get("event").asText()).isEqualTo("iterations_missed");
    assertThat(n.get("correlation_id").asText()).isEqualTo("00ab12cd34ef5678");
    assertThat(n.get("msg").asText()).isEqualTo("group g missed 2 iterations");
    JsonNode extra = n.get("extra");
    assertThat(extra.isObject()).isTrue();
    assertThat(extra.get("rule_group").isTextual()).isTrue();
    assertThat(extra.get("missed").isIntegralNumber()).isTrue();
    assertThat(extra.get("missed").asLong()).isEqualTo(2);
    assertThat(extra.get("duration_seconds").isDouble()).isTrue();
    assertThat(extra.get("ok").isBoolean()).isTrue();
    assertThat(extra.get("ids").isArray()).isTrue();
    assertThat(extra.get("ids").get(1).asText()).isEqualTo("b");
    assertThat(extra.get("logger").asText()).isEqualTo("GroupRunner");
    for (String k : List.of("ts", "level", "service", "event", "msg")) {
      assertThat(n.get(k).isTextual()).as(k).isTrue();
    }
  }

  @Test
  void timestampsKeepMicrosecondsEvenWhenZero() throws Exception {
    LoggingEvent e = event(Level.INFO, "m", Map.of());
    e.setInstant(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(parseLine(layout(LogFormat.JSON, e)).get("ts").asText()).isEqualTo("2026-01-02T03:04:05.000000Z");
  }

  @Test
  void statementWithoutEventOrCorrelationIdGetsDefaults() throws Exception {
    JsonNode n = parseLine(layout(LogFormat.JSON, event(Level.INFO, "plain", Map.of())));
    assertThat(n.get("event").asText()).isEqualTo(LogLine.DEFAULT_EVENT);
    assertThat(n.get("correlation_id").isNull()).isTrue();
  }

  @Test
  void escapesQuotesBackslashesNewlinesAndControlCharacters() throws Exception {
    String nasty = "he said \"hi\"\\\nnext line\r\ttab \u0001 ü ✓";
    JsonNode n = parseLine(layout(LogFormat.JSON, event(Level.ERROR, nasty, Map.of(), "event", "x", "k\"ey", nasty)));
    assertThat(n.get("msg").asText()).isEqualTo(nasty);
    assertThat(n.get("extra").get("k\"ey").asText()).isEqualTo(nasty);
  }

  @Test
  void exceptionGoesToExtraOnOneLine() throws Exception {
    LoggingEvent e = new LoggingEvent("x", context.getLogger("a.B"), Level.ERROR, "boom", new IllegalStateException("bad\nthing"),
        null);
    e.setInstant(AT);
    e.setMDCPropertyMap(Map.of());
    JsonNode n = parseLine(layout(LogFormat.JSON, e));
    assertThat(n.get("extra").get("error").asText()).isEqualTo("java.lang.IllegalStateException: bad\nthing");
    assertThat(n.get("extra").get("stack").asText()).contains("at dev.tocsin.engine.logging.TocsinLayoutTest");
  }

  @Test
  void keyValueCorrelationIdWinsOverTheMdc() throws Exception {
    JsonNode n = parseLine(layout(LogFormat.JSON, event(Level.INFO, "m", Map.of("correlation_id", "mdc", "tenant", "t1"),
        "correlation_id", "kv")));
    assertThat(n.get("correlation_id").asText()).isEqualTo("kv");
    assertThat(n.get("extra").get("tenant").asText()).isEqualTo("t1");
  }

  @Test
  void logfmtLine() {
    String line = layout(LogFormat.LOGFMT, event(Level.INFO, "sent 3 \"alerts\"", Map.of("correlation_id", "c1"),
        "event", "notification_sent", "count", 3, "alertmanager", "http://am:9093/api/v2/alerts",
        "evaluation_ids", List.of("e1", "e2"), "msg", "clash", "empty", ""));
    assertThat(line).isEqualTo("ts=2026-11-29T21:44:38.123456Z level=info service=tocsin event=notification_sent"
        + " correlation_id=c1 msg=\"sent 3 \\\"alerts\\\"\" count=3 alertmanager=http://am:9093/api/v2/alerts"
        + " evaluation_ids=[e1,e2] extra_msg=clash empty=\"\" logger=GroupRunner\n");
  }

  @Test
  void logfmtEscapesNewlinesAndOmitsAMissingCorrelationId() {
    String line = layout(LogFormat.LOGFMT, event(Level.DEBUG, "a\nb=c\\", Map.of()));
    assertThat(line).isEqualTo("ts=2026-11-29T21:44:38.123456Z level=debug service=tocsin event=log"
        + " msg=\"a\\nb=c\\\\\" logger=GroupRunner\n");
  }

  @Test
  void formatAndLevelNamesAreCheckedWithClearMessages() {
    assertThat(LogFormat.parse("LOGFMT")).isEqualTo(LogFormat.LOGFMT);
    assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessage("--log.format must be json or logfmt, not \"xml\"");
    assertThat(LogSetup.level("Debug")).isEqualTo(Level.DEBUG);
    assertThatThrownBy(() -> LogSetup.level("trace"))
        .hasMessage("--log.level must be one of debug, info, warn, error, not \"trace\"");
  }
}
