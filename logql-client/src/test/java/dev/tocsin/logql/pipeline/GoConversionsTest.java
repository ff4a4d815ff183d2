package dev.tocsin.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Go conversions behind numeric, duration and bytes filters and unwrap, with Go's messages. */
class GoConversionsTest {
  @Test
  void parseFloatAcceptsWhatStrconvAccepts() throws Exception {
    assertThat(GoConversions.parseFloat("1e3")).isEqualTo(1000);
    assertThat(GoConversions.parseFloat("-0.5")).isEqualTo(-0.5);
    assertThat(GoConversions.parseFloat(".5")).isEqualTo(0.5);
    assertThat(GoConversions.parseFloat("+Inf")).isInfinite();
    assertThat(GoConversions.parseFloat("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(GoConversions.parseFloat("NaN")).isNaN();
    assertThat(GoConversions.parseFloat("0x1.8p3")).isEqualTo(12);
    for (String bad : new String[] {"", "1.5s", "0x10", "1_000", " 1", "e3", "--1"}) {
      assertThatThrownBy(() -> GoConversions.parseFloat(bad))
          .hasMessage("strconv.ParseFloat: parsing " + GoConversions.goQuote(bad) + ": invalid syntax");
    }
    assertThatThrownBy(() -> GoConversions.parseFloat("1e999")).hasMessageEndingWith("value out of range");
  }

  @Test
  void parseDurationIsGoTimeParseDuration() throws Exception {
    assertThat(GoConversions.parseDurationNanos("1h30m")).isEqualTo(5_400_000_000_000L);
    assertThat(GoConversions.parseDurationNanos("-1.5h")).isEqualTo(-5_400_000_000_000L);
    assertThat(GoConversions.parseDurationNanos("1.5ms")).isEqualTo(1_500_000L);
    assertThat(GoConversions.parseDurationNanos("2µs3ns")).isEqualTo(2_003L);
    assertThat(GoConversions.parseDurationNanos("0")).isZero();
    assertThatThrownBy(() -> GoConversions.parseDurationNanos("90")).hasMessage("time: missing unit in duration \"90\"");
    assertThatThrownBy(() -> GoConversions.parseDurationNanos("1d")).hasMessage("time: unknown unit \"d\" in duration \"1d\"");
    assertThatThrownBy(() -> GoConversions.parseDurationNanos("")).hasMessage("time: invalid duration \"\"");
    assertThatThrownBy(() -> GoConversions.parseDurationNanos("fast")).hasMessage("time: invalid duration \"fast\"");
  }

  @Test
  void parseBytesIsHumanizeParseBytes() throws Exception {
    assertThat(GoConversions.parseBytes("42")).isEqualTo(42);
    assertThat(GoConversions.parseBytes("42 MB")).isEqualTo(42_000_000);
    assertThat(GoConversions.parseBytes("4.5KiB")).isEqualTo(4608);
    assertThat(GoConversions.parseBytes("1,024 kb")).isEqualTo(1_024_000);
    assertThat(GoConversions.parseBytes("2PiB")).isEqualTo(2L << 50);
    assertThatThrownBy(() -> GoConversions.parseBytes("oops")).hasMessage("strconv.ParseFloat: parsing \"\": invalid syntax");
    assertThatThrownBy(() -> GoConversions.parseBytes("3 parsecs")).hasMessage("unhandled size name: parsecs");
  }
}
