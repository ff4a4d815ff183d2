package dev.tocsin.template.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Time} (as the pointer {@code *time.Time} Prometheus' {@code toTime} returns),
 * printed in Go's default layout {@code 2006-01-02 15:04:05.999999999 -0700 MST}.
 *
 * @param epochSecond seconds since the Unix epoch
 * @param nanos nanoseconds within the second, 0..999,999,999
 * @param pointer whether this is {@code *time.Time} rather than {@code time.Time}
 * @param zone the time's location
 */
public record GoTime(long epochSecond, int nanos, boolean pointer, ZoneId zone) implements GoStringer, GoStruct {

  public GoTime(long epochSecond, int nanos, boolean pointer) {
    this(epochSecond, nanos, pointer, ZoneOffset.UTC);
  }

  /** A UTC time from nanoseconds since the epoch. */
  public static GoTime ofUnixNanos(long nanos, boolean pointer) {
    return new GoTime(Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L), pointer);
  }

  /** A UTC time from an instant. */
  public static GoTime of(Instant instant, boolean pointer) {
    return new GoTime(instant.getEpochSecond(), instant.getNano(), pointer);
  }

  /** The time as a zoned date-time in its location. */
  public ZonedDateTime zoned() {
    return Instant.ofEpochSecond(epochSecond, nanos).atZone(zone);
  }

  /** Go's zone abbreviation: {@code UTC}, {@code EST}, or the numeric offset when there is none. */
  public static String zoneAbbreviation(ZonedDateTime t) {
    if (t.getZone().equals(ZoneOffset.UTC) || t.getZone().getId().equals("UTC")) {
      return "UTC";
    }
    String name = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
    if (name.startsWith("GMT") && name.length() > 3 || name.startsWith("UTC") && name.length() > 3) {
      return DateTimeFormatter.ofPattern("xx", Locale.ROOT).format(t);
    }
    return name;
  }

  @Override
  public String goType() {
    return pointer ? "*time.Time" : "time.Time";
  }

  @Override
  public String goString() {
    ZonedDateTime t = zoned();
    StringBuilder sb = new StringBuilder(40);
    appendDateTime(sb, t.toLocalDateTime(), ' ');
    appendFraction(sb, nanos);
    sb.append(' ').append(DateTimeFormatter.ofPattern("xx", Locale.ROOT).format(t)).append(' ').append(zoneAbbreviation(t));
    return sb.toString();
  }

  /** Go's ".999999999" layout element: the fraction of a second with trailing zeros dropped, nothing for zero. */
  private static void appendFraction(StringBuilder sb, int nanos) {
    if (nanos != 0) {
      int digits = 9;
      int v = nanos;
      while (v % 10 == 0) {
        v /= 10;
        digits--;
      }
      sb.append('.');
      pad(sb, v, digits);
    }
  }

  /**
   * An instant as Go's JSON encoding writes a UTC {@code time.Time} (RFC 3339 with up to nine
   * fraction digits, trailing zeros dropped), as Prometheus' and Alertmanager's APIs print times.
   */
  public static String rfc3339Nano(Instant t) {
    // Written digit by digit: payloads print two times per alert, and java.time's formatter costs
    // more than the rest of a notification's JSON.
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(32);
    if (d.getYear() < 0 || d.getYear() > 9999) {
      sb.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(d));
    } else {
      appendDateTime(sb, d, 'T');
    }
    appendFraction(sb, t.getNano());
    return sb.append('Z').toString();
  }

  /** Go's {@code 2006-01-02 15:04:05} with the given separator between date and time. */
  private static void appendDateTime(StringBuilder sb, LocalDateTime d, char separator) {
    int year = d.getYear();
    if (year < 0) {
      sb.append('-');
      year = -year;
    }
    pad(sb, year, 4);
    sb.append('-');
    pad(sb, d.getMonthValue(), 2);
    sb.append('-');
    pad(sb, d.getDayOfMonth(), 2);
    sb.append(separator);
    pad(sb, d.getHour(), 2);
    sb.append(':');
    pad(sb, d.getMinute(), 2);
    sb.append(':');
    pad(sb, d.getSecond(), 2);
  }

  /** Appends a non-negative number with leading zeros to {@code width} digits. */
  private static void pad(StringBuilder sb, int v, int width) {
    int length = 1;
    for (int rest = v; rest >= 10; rest /= 10) {
      length++;
    }
    for (int i = length; i < width; i++) {
      sb.append('0');
    }
    sb.append(v);
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
      case "Year" -> (long) zoned().getYear();
      case "Month" -> zoned().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "String" -> goString();
      default -> ABSENT;
    };
  }
}
