package dev.tocsin.engine.unittest;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's {@code time.Duration.String()} ({@code 0s}, {@code 1m30s}, {@code 1h0m0s}, {@code 1.5s}, {@code 250ms}). */
final class GoDurations {
  private GoDurations() {}

  static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (nanos < 0) {
      sb.append('-');
      nanos = -nanos;
    }
    if (nanos < 1_000_000_000L) {
      if (nanos < 1_000L) {
        return sb.append(nanos).append("ns").toString();
      }
      if (nanos < 1_000_000L) {
        return sb.append(decimal(nanos, 3)).append("µs").toString();
      }
      return sb.append(decimal(nanos, 6)).append("ms").toString();
    }
    long hours = nanos / 3_600_000_000_000L;
    nanos -= hours * 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L;
    nanos -= minutes * 60_000_000_000L;
    if (hours > 0) {
      sb.append(hours).append('h').append(minutes).append('m');
    } else if (minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(decimal(nanos, 9)).append('s').toString();
  }

  private static String decimal(long value, int scale) {
    return new BigDecimal(value).movePointLeft(scale).stripTrailingZeros().toPlainString();
  }
}
