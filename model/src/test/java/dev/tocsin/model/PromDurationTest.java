package dev.tocsin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationTest {
  @ParameterizedTest
  @CsvSource({"0,0", "5m,300000", "1h30m,5400000", "1y,31536000000", "2w,1209600000", "100ms,100", "1m30s500ms,90500", "1d,86400000"})
  void parsesPrometheusDurations(String text, long millis) {
    assertThat(PromDuration.parseMillis(text)).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1x", "5", "-1m", "1m1h", "1.5h", "1mm", "m", "1 m"})
  void rejectsWithPrometheusMessage(String text) {
    assertThatThrownBy(() -> PromDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid duration string: \"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource({"0,0s", "5400000,1h30m", "90500,1m30s500ms", "86400000,1d", "604800000,1w"})
  void formatsAsPrometheus(long millis, String text) {
    assertThat(PromDuration.format(millis)).isEqualTo(text);
  }
}
