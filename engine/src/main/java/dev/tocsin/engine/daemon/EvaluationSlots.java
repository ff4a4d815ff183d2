package dev.tocsin.engine.daemon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Prometheus' per-group evaluation phase: each group evaluates at {@code base + offset}, where the
 * offset is the xxhash64 of the label set {@code {file=…, name=…}} modulo the interval, so groups
 * spread over the interval and keep their phase across restarts and across Prometheus and Tocsin.
 */
public final class EvaluationSlots {
  private static final XXHash64 XXHASH = XXHashFactory.fastestJavaInstance().hash64();

  private EvaluationSlots() {}

  /** The hash of the group's identity, as Prometheus' {@code labels.Labels.Hash} computes it. */
  public static long groupHash(String file, String group) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    // Sorted label names, each name and value followed by the 0xFF separator.
    writeWithSeparator(b, "file");
    writeWithSeparator(b, file);
    writeWithSeparator(b, "name");
    writeWithSeparator(b, group);
    byte[] bytes = b.toByteArray();
    return XXHASH.hash(bytes, 0, bytes.length, 0);
  }

  private static void writeWithSeparator(ByteArrayOutputStream b, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.write(bytes, 0, bytes.length);
    b.write(0xFF);
  }

  /** The group's phase within the interval, in nanoseconds. */
  public static long offsetNanos(String file, String group, Duration interval) {
    return Long.remainderUnsigned(groupHash(file, group), interval.toNanos());
  }

  /** The latest evaluation slot at or before {@code now}. */
  public static Instant slotAtOrBefore(Instant now, long offsetNanos, Duration interval) {
    long intervalNanos = interval.toNanos();
    long nowNanos = toNanos(now);
    long adjusted = nowNanos - offsetNanos;
    long base = adjusted - Math.floorMod(adjusted, intervalNanos);
    return fromNanos(base + offsetNanos);
  }

  static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
