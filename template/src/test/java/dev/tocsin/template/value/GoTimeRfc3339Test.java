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
  }
}
