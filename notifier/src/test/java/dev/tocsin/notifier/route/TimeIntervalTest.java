package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeIntervalTest {
  private static TimeInterval.Range r(int a, int b) {
    return new TimeInterval.Range(a, b);
  }

  @Test
  void timesAreStartInclusiveEndExclusiveInTheLocation() {
    TimeInterval office = new TimeInterval(List.of(r(9 * 60, 17 * 60)), List.of(r(1, 5)), List.of(), List.of(),
        List.of(), ZoneId.of("Europe/Paris"));
    assertThat(office.contains(Instant.parse("2026-03-02T08:00:00Z"))).as("Monday 09:00 Paris").isTrue();
    assertThat(office.contains(Instant.parse("2026-03-02T07:59:00Z"))).isFalse();
    assertThat(office.contains(Instant.parse("2026-03-02T16:00:00Z"))).as("17:00 is outside").isFalse();
    assertThat(office.contains(Instant.parse("2026-03-01T10:00:00Z"))).as("Sunday").isFalse();
  }

  @Test
  void negativeDaysCountFromTheEndOfTheMonth() {
    TimeInterval lastThree = new TimeInterval(List.of(), List.of(), List.of(r(-3, -1)), List.of(), List.of(),
        ZoneOffset.UTC);
    assertThat(lastThree.contains(Instant.parse("2026-02-26T12:00:00Z"))).as("Feb has 28 days in 2026").isTrue();
    assertThat(lastThree.contains(Instant.parse("2026-02-25T12:00:00Z"))).isFalse();
    assertThat(lastThree.contains(Instant.parse("2026-03-29T12:00:00Z"))).isTrue();
    TimeInterval firstToLast = new TimeInterval(List.of(), List.of(), List.of(r(30, -1)), List.of(), List.of(),
        ZoneOffset.UTC);
    assertThat(firstToLast.contains(Instant.parse("2026-02-28T00:00:00Z"))).as("starts after the month's end")
        .isFalse();
    assertThat(firstToLast.contains(Instant.parse("2026-03-31T00:00:00Z"))).isTrue();
  }

  @Test
  void monthsAndYearsAreInclusiveRanges() {
    TimeInterval winter = new TimeInterval(List.of(), List.of(), List.of(), List.of(r(1, 2), r(12, 12)),
        List.of(r(2026, 2027)), ZoneOffset.UTC);
    assertThat(winter.contains(Instant.parse("2026-12-31T23:59:59Z"))).isTrue();
    assertThat(winter.contains(Instant.parse("2026-03-01T00:00:00Z"))).isFalse();
    assertThat(winter.contains(Instant.parse("2028-01-01T00:00:00Z"))).isFalse();
  }
}
