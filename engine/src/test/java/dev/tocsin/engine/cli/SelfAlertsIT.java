package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** examples/tocsin_self_alerts.yml passes {@code tocsin check rules} and its own unit tests. */
class SelfAlertsIT {
  @Test
  void selfAlertsPassCheckRules() {
    ProcessResult r = Processes.tocsin(null, "check", "rules", "../examples/tocsin_self_alerts.yml");
    assertThat(r.stdout()).isEqualTo("Checking ../examples/tocsin_self_alerts.yml\n  SUCCESS: 7 rules found\n\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void selfAlertsPassTheirUnitTests() {
    ProcessResult r = Processes.tocsin(null, "test", "rules", "../examples/tocsin_self_alerts.test.yml");
    assertThat(r.stdout()).isEqualTo("  SUCCESS\n\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }
}
