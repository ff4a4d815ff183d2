package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations as Loki reads and Go prints them. */
class GoDurationsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, 0s",
    "100, 100ns",
    "1500, 1.5\u00b5s",
    "250000000, 250ms",
    "1500000000, 1.5s",
    "90000000000, 1m30s",
    "3600000000000, 1h0m0s",
    "-5400000000000, -1h30m0s",
    "86400500000000, 24h0m0.5s",
  })
  void formatsAsGosDurationString(long nanos, String expected) {
    assertThat(GoDurations.formatGo(Duration.ofNanos(nanos))).isEqualTo(expected);
    assertThat(GoDurations.parseLexerDuration(expected)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1h15m30.918273645s, 4530918273645",
    "1h0.0m0s, 3600000000000",
    "1\u00b5s, 1000",
    "1\u03bcs, 1000",
    "2w, 1209600000000000",
    "1y, 31536000000000000",
    "-1s, -1000000000",
  })
  void readsPrometheusAndGoNotations(String text, long nanos) {
    assertThat(GoDurations.parseLexerDuration(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "5minutes => unknown unit \"minutes\" in duration \"5minutes\"",
        "1.5m => unknown unit \".\" in duration \"1.5m\"",
        "5m1h => not a valid duration string: \"5m1h\"",
        "-5m => not a valid duration string: \"-5m\"",
      })
  void rejectsRangesThatPrometheusRejects(String text, String message) {
    assertThatThrownBy(() -> GoDurations.parseProm(text)).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "1d => time: unknown unit \"d\" in duration \"1d\"",
        "1 => time: missing unit in duration \"1\"",
        "x => time: invalid duration \"x\"",
      })
  void rejectsWhatGoRejects(String text, String message) {
    assertThatThrownBy(() -> GoDurations.parseGo(text)).hasMessage(message);
  }
}
