package dev.tocsin.template.value;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Go's {@code time.Time} (as the pointer {@code *time.Time} Prometheus' {@code toTime} returns),
 * printed in Go's default layout {@code 2006-01-02 15:04:05.999999999 -0700 MST}.
 *
 * @param epochSecond seconds since the Unix epoch
 * @param nanos nanoseconds within the second, 0..999,999,999
 * @param pointer whether this is {@code *time.Time} rather than {@code time.Time}
 */
public record GoTime(long epochSecond, int nanos, boolean pointer) implements GoStringer, GoStruct {

  /** A UTC time from nanoseconds since the epoch. */
  public static GoTime ofUnixNanos(long nanos, boolean pointer) {
    return new GoTime(Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L), pointer);
  }

  /** A UTC time from an instant. */
  public static GoTime of(Instant instant, boolean pointer) {
    return new GoTime(instant.getEpochSecond(), instant.getNano(), pointer);
  }

  @Override
  public String goType() {
    return pointer ? "*time.Time" : "time.Time";
  }

  @Override
  public String goString() {
    ZonedDateTime t = Instant.ofEpochSecond(epochSecond, nanos).atZone(ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(40);
    int year = t.getYear();
    if (year < 0) {
      sb.append('-');
      year = -year;
    }
    pad(sb, year, 4);
    sb.append('-');
    pad(sb, t.getMonthValue(), 2);
    sb.append('-');
    pad(sb, t.getDayOfMonth(), 2);
    sb.append(' ');
    pad(sb, t.getHour(), 2);
    sb.append(':');
    pad(sb, t.getMinute(), 2);
    sb.append(':');
    pad(sb, t.getSecond(), 2);
    if (nanos != 0) {
      // Go's ".999999999" layout element drops trailing zeros.
      String frac = String.format("%09d", nanos);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    sb.append(" +0000 UTC");
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }

  @Override
  public Object field(String name) {
    return ABSENT;
  }

  @Override
  public boolean isPointer() {
    return pointer;
  }

  @Override
  public List<Object> fieldValues() {
    return List.of();
  }

  @Override
  public Object method(String name, List<Object> args) {
    if (!args.isEmpty()) {
      return ABSENT;
    }
    return switch (name) {
      case "Unix" -> epochSecond;
      case "UnixMilli" -> epochSecond * 1000 + nanos / 1_000_000;
      case "UnixNano" -> epochSecond * 1_000_000_000L + nanos;
      case "UTC" -> new GoTime(epochSecond, nanos, false);
      case "String" -> goString();
      default -> ABSENT;
    };
  }
}
