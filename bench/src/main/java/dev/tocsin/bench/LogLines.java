package dev.tocsin.bench;

import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generates the issue-6 benchmark logs: shop events as 150-byte JSON or logfmt lines, spread over
 * ten streams and one hour, one in five an {@code order_submit}.
 */
final class LogLines {
  static final int LINE_BYTES = 150;
  static final int STREAMS = 10;
  static final long START_NANOS = Instant.parse("2026-11-29T10:00:00Z").getEpochSecond() * 1_000_000_000L;
  static final long HOUR_NANOS = 3_600_000_000_000L;
  /** The instant query time: the window {@code (t-1h, t]} holds every line. */
  static final Instant END = Instant.ofEpochSecond((START_NANOS + HOUR_NANOS) / 1_000_000_000L);
  private static final String[] EVENTS = {"order_submit", "order_response", "cart_add", "page_view", "login"};
  private static final String PAD = "request handled by the shop frontend without remarks; ".repeat(4);

  /** The line formats. */
  enum Format { JSON, LOGFMT }

  private LogLines() {}

  /** A store holding {@code lines} lines of the format, every one exactly {@value #LINE_BYTES} bytes. */
  static MemoryLogStore load(Format format, int lines) {
    MemoryLogStore store = new MemoryLogStore();
    Labels[] streams = new Labels[STREAMS];
    for (int s = 0; s < STREAMS; s++) {
      streams[s] = Labels.of("app", "shop", "pod", "shop-" + s);
    }
    SplittableRandom rnd = new SplittableRandom(7);
    long spacing = HOUR_NANOS / lines;
    for (int i = 0; i < lines; i++) {
      long ts = START_NANOS + (i + 1) * spacing;
      String line = line(format, i, ts, 1 + rnd.nextInt(2000));
      store.append(streams[i % STREAMS], new LogEntry(ts, line, Labels.EMPTY));
    }
    return store;
  }

  static String line(Format format, int i, long tsNanos, int latencyMs) {
    String ts = Instant.ofEpochSecond(0, tsNanos).toString();
    String level = i % 10 == 0 ? "warn" : "info";
    String event = EVENTS[i % EVENTS.length];
    String order = String.format("o-%07d", i / EVENTS.length);
    String user = "u-" + (i * 7919 % 1000);
    String head =
        format == Format.JSON
            ? "{\"ts\":\"" + ts + "\",\"level\":\"" + level + "\",\"event\":\"" + event + "\",\"order_id\":\"" + order
                + "\",\"user\":\"" + user + "\",\"latency_ms\":" + latencyMs + ",\"msg\":\""
            : "ts=" + ts + " level=" + level + " event=" + event + " order_id=" + order + " user=" + user
                + " latency_ms=" + latencyMs + " msg=\"";
    String tail = format == Format.JSON ? "\"}" : "\"";
    int room = LINE_BYTES - head.length() - tail.length();
    if (room < 0) {
      throw new IllegalStateException("line too long: " + head);
    }
    return head + PAD.substring(0, room) + tail;
  }
}
