package dev.tocsin.template.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimeRfc3339Test {
  @Test
  void formatsAsGoJsonDoesForUtcTimes() {
    assertThat(GoTime.rfc3339Nano(Instant.parse("2026-11-29T10:00:00Z"))).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(GoTime.rfc3339Nano(Instant.parse("2026-11-29T10:00:00.120Z"))).isEqualTo("2026-11-29T10:00:00.12Z");
    assertThat(GoTime.rfc3339Nano(Instant.parse("2026-11-29T10:00:05.000000001Z")))
        .isEqualTo("2026-11-29T10:00:05.000000001Z");
    assertThat(GoTime.rfc3339Nano(Instant.parse("0001-01-01T00:00:00.5Z"))).isEqualTo("0001-01-01T00:00:00.5Z");
    assertThat(GoTime.rfc3339Nano(Instant.parse("1969-12-31T23:59:59.999999999Z")))
        .isEqualTo("1969-12-31T23:59:59.999999999Z");
    assertThat(GoTime.rfc3339Nano(Instant.parse("2024-02-29T09:08:07.000100Z"))).isEqualTo("2024-02-29T09:08:07.0001Z");
  }

  @Test
  void keepsJavaTimesSignedYearOutsideFourDigits() {
    assertThat(GoTime.rfc3339Nano(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
    assertThat(GoTime.rfc3339Nano(Instant.parse("-0001-06-01T12:00:00.25Z"))).isEqualTo("-0001-06-01T12:00:00.25Z");
  }
}
