package dev.tocsin.engine.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.event.KeyValuePair;

/**
 * One log line before formatting. {@code event} is the statement's stable name, given as the
 * {@code event} key-value of SLF4J's fluent API ({@value #DEFAULT_EVENT} when a statement has none);
 * the correlation id comes from a {@code correlation_id} key-value or else the MDC; every other
 * key-value and MDC entry goes to {@code extra}, in that order.
 */
public record LogLine(Instant ts, String level, String event, String correlationId, String msg,
    Map<String, Object> extra) {
  /** The service name every line carries. */
  public static final String SERVICE = "tocsin";
  /** The key of the stable event name, in the fluent API's key-values. */
  public static final String EVENT = "event";
  /** The key of the correlation id, in key-values or the MDC. */
  public static final String CORRELATION_ID = "correlation_id";
  /** The event of a statement that names none (third-party libraries, mostly). */
  public static final String DEFAULT_EVENT = "log";

  public LogLine {
    Objects.requireNonNull(ts, "ts is null");
    Objects.requireNonNull(level, "level is null");
    Objects.requireNonNull(event, "event is null");
    Objects.requireNonNull(msg, "msg is null");
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** The line of a Logback event. */
  public static LogLine of(ILoggingEvent e) {
    String event = DEFAULT_EVENT;
    String correlationId = null;
    Map<String, Object> extra = new LinkedHashMap<>();
    if (e.getKeyValuePairs() != null) {
      for (KeyValuePair kv : e.getKeyValuePairs()) {
        if (EVENT.equals(kv.key) && kv.value != null) {
          event = kv.value.toString();
        } else if (CORRELATION_ID.equals(kv.key) && kv.value != null) {
          correlationId = kv.value.toString();
        } else {
          extra.put(kv.key, kv.value);
        }
      }
    }
    Map<String, String> mdc = e.getMDCPropertyMap();
    if (mdc != null) {
      for (Map.Entry<String, String> m : mdc.entrySet()) {
        if (CORRELATION_ID.equals(m.getKey())) {
          if (correlationId == null) {
            correlationId = m.getValue();
          }
        } else {
          extra.putIfAbsent(m.getKey(), m.getValue());
        }
      }
    }
    extra.putIfAbsent("logger", shortName(e.getLoggerName()));
    IThrowableProxy thrown = e.getThrowableProxy();
    if (thrown != null) {
      extra.put("error", thrown.getClassName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
      extra.put("stack", ThrowableProxyUtil.asString(thrown));
    }
    String msg = e.getFormattedMessage();
    return new LogLine(e.getInstant(), e.getLevel().toString().toLowerCase(Locale.ROOT), event, correlationId,
        msg == null ? "" : msg, extra);
  }

  private static String shortName(String logger) {
    if (logger == null) {
      return "";
    }
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }
}
