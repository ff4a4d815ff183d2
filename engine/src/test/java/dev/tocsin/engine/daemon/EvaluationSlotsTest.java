package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvaluationSlotsTest {
  @Test
  void hashesTheLabelSetBytesWithXxhash64() {
    // xxhash64 (seed 0) of the empty input is a published constant: the hash function itself is right.
    assertThat(net.jpountz.xxhash.XXHashFactory.fastestJavaInstance().hash64().hash(new byte[0], 0, 0, 0))
        .isEqualTo(0xEF46DB3751D8E999L);
    // Different files or names give different phases; the same ones always the same.
    long a = EvaluationSlots.groupHash("rules.yml", "g1");
    assertThat(EvaluationSlots.groupHash("rules.yml", "g1")).isEqualTo(a);
    assertThat(EvaluationSlots.groupHash("rules.yml", "g2")).isNotEqualTo(a);
    assertThat(EvaluationSlots.groupHash("other.yml", "g1")).isNotEqualTo(a);
  }

  @Test
  void slotsAreAlignedToTheGroupPhase() {
    Duration interval = Duration.ofSeconds(15);
    long offset = EvaluationSlots.offsetNanos("rules.yml", "g1", interval);
    assertThat(offset).isBetween(0L, interval.toNanos() - 1);
    Instant now = Instant.parse("2026-11-29T10:00:07.123Z");
    Instant slot = EvaluationSlots.slotAtOrBefore(now, offset, interval);
    assertThat(slot).isBeforeOrEqualTo(now);
    assertThat(Duration.between(slot, now)).isLessThan(interval);
    assertThat(Math.floorMod(EvaluationSlots.toNanos(slot), interval.toNanos())).isEqualTo(offset);
    // A slot maps to itself.
    assertThat(EvaluationSlots.slotAtOrBefore(slot, offset, interval)).isEqualTo(slot);
  }
}
