package dev.tocsin.notifier.route;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a {@code time_intervals} definition, as Alertmanager's timeinterval package reads
 * it: an instant is inside when, in {@code location}, every non-empty list has a range containing
 * it. Times of day are minutes, start inclusive and end exclusive; weekdays count Sunday as 0;
 * days of the month may be negative (-1 is the last day); months are 1-12; all other ranges are
 * inclusive.
 */
public record TimeInterval(List<Range> times, List<Range> weekdays, List<Range> daysOfMonth, List<Range> months,
    List<Range> years, ZoneId location) {

  /** A range of values, {@code begin} to {@code end}. */
  public record Range(int begin, int end) {}

  public TimeInterval {
    times = List.copyOf(times);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
    Objects.requireNonNull(location, "location is null");
  }

  /** Whether the instant falls inside this interval. */
  public boolean contains(Instant instant) {
    ZonedDateTime t = instant.atZone(location);
    if (!times.isEmpty()) {
      int minute = t.getHour() * 60 + t.getMinute();
      if (times.stream().noneMatch(r -> minute >= r.begin() && minute < r.end())) {
        return false;
      }
    }
    int weekday = t.getDayOfWeek().getValue() % 7;
    if (!inAny(weekdays, weekday) || !inAny(months, t.getMonthValue()) || !inAny(years, t.getYear())) {
      return false;
    }
    return daysOfMonth.isEmpty() || daysOfMonth.stream().anyMatch(r -> dayMatches(r, t));
  }

  private static boolean inAny(List<Range> ranges, int v) {
    return ranges.isEmpty() || ranges.stream().anyMatch(r -> v >= r.begin() && v <= r.end());
  }

  /** Negative days count back from the month's end; a range starting after the month's end never matches. */
  private static boolean dayMatches(Range r, ZonedDateTime t) {
    int days = t.toLocalDate().lengthOfMonth();
    int begin = r.begin() < 0 ? days + r.begin() + 1 : r.begin();
    int end = r.end() < 0 ? days + r.end() + 1 : r.end();
    if (begin > days) {
      return false;
    }
    begin = Math.max(-days, Math.min(days, begin));
    end = Math.max(-days, Math.min(days, end));
    return t.getDayOfMonth() >= begin && t.getDayOfMonth() <= end;
  }

  /** Whether the instant falls inside any of the intervals. */
  public static boolean anyContains(List<TimeInterval> intervals, Instant instant) {
    return intervals.stream().anyMatch(i -> i.contains(instant));
  }
}
