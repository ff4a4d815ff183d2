package dev.tocsin.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleStateTest {
  private static final Labels L = Labels.of("alertname", "Down", "instance", "a");
  private static final List<AlertCandidate> FIRING = List.of(new AlertCandidate(L, Labels.EMPTY, 0));

  private static Instant min(int m) {
    return Instant.EPOCH.plus(Duration.ofMinutes(m));
  }

  private static String stateAt(AlertRuleState s, int minute, boolean present, Duration hold, Duration kff)
      throws Exception {
    List<Alert> out = s.apply(min(minute), present ? FIRING : List.of(), hold, kff, 0);
    return out.isEmpty() ? "none" : out.get(0).status().id();
  }

  /** The timeline the reference verified with promtool: up is 0 for 0–3m and 1 from 4m. */
  @Test
  void forHoldsPendingUntilTheDurationPasses() throws Exception {
    AlertRuleState s = new AlertRuleState();
    Duration hold = Duration.ofMinutes(2);
    assertThat(stateAt(s, 0, true, hold, Duration.ZERO)).isEqualTo("pending");
    assertThat(stateAt(s, 1, true, hold, Duration.ZERO)).isEqualTo("pending");
    assertThat(stateAt(s, 2, true, hold, Duration.ZERO)).isEqualTo("firing");
    assertThat(s.alerts().get(0).firedAt()).isEqualTo(min(2));
    assertThat(stateAt(s, 3, true, hold, Duration.ZERO)).isEqualTo("firing");
    assertThat(stateAt(s, 4, false, hold, Duration.ZERO)).isEqualTo("none");
    assertThat(s.alerts()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(AlertStatus.INACTIVE);
      assertThat(a.resolvedAt()).isEqualTo(min(4));
    });
    assertThat(s.activeAlerts()).isEmpty();
  }

  @Test
  void keepFiringForHoldsAResolvedAlertFiring() throws Exception {
    AlertRuleState s = new AlertRuleState();
    Duration kff = Duration.ofMinutes(3);
    for (int m = 0; m <= 3; m++) {
      assertThat(stateAt(s, m, true, Duration.ZERO, kff)).isEqualTo("firing");
    }
    assertThat(stateAt(s, 4, false, Duration.ZERO, kff)).isEqualTo("firing");
    assertThat(s.alerts().get(0).keepFiringSince()).isEqualTo(min(4));
    assertThat(stateAt(s, 5, false, Duration.ZERO, kff)).isEqualTo("firing");
    assertThat(stateAt(s, 6, false, Duration.ZERO, kff)).isEqualTo("firing");
    assertThat(stateAt(s, 7, false, Duration.ZERO, kff)).isEqualTo("none");
    assertThat(s.alerts().get(0).resolvedAt()).isEqualTo(min(7));
  }

  @Test
  void keepFiringSinceResetsWhenTheAlertReturns() throws Exception {
    AlertRuleState s = new AlertRuleState();
    Duration kff = Duration.ofMinutes(3);
    stateAt(s, 0, true, Duration.ZERO, kff);
    stateAt(s, 1, false, Duration.ZERO, kff);
    stateAt(s, 2, true, Duration.ZERO, kff);
    assertThat(s.alerts().get(0).keepFiringSince()).isNull();
    assertThat(s.alerts().get(0).activeAt()).isEqualTo(min(0));
  }

  @Test
  void pendingAlertThatDisappearsIsDeletedNotResolved() throws Exception {
    AlertRuleState s = new AlertRuleState();
    stateAt(s, 0, true, Duration.ofMinutes(5), Duration.ZERO);
    stateAt(s, 1, false, Duration.ofMinutes(5), Duration.ZERO);
    assertThat(s.alerts()).isEmpty();
  }

  @Test
  void resolvedAlertIsKeptFifteenMinutesThenDropped() throws Exception {
    AlertRuleState s = new AlertRuleState();
    stateAt(s, 0, true, Duration.ZERO, Duration.ZERO);
    stateAt(s, 1, false, Duration.ZERO, Duration.ZERO);
    stateAt(s, 16, false, Duration.ZERO, Duration.ZERO);
    assertThat(s.alerts()).hasSize(1);
    stateAt(s, 17, false, Duration.ZERO, Duration.ZERO);
    assertThat(s.alerts()).isEmpty();
  }

  @Test
  void returningAlertStartsPendingAgain() throws Exception {
    AlertRuleState s = new AlertRuleState();
    Duration hold = Duration.ofMinutes(1);
    stateAt(s, 0, true, hold, Duration.ZERO);
    stateAt(s, 1, true, hold, Duration.ZERO);
    stateAt(s, 2, false, hold, Duration.ZERO);
    assertThat(stateAt(s, 3, true, hold, Duration.ZERO)).isEqualTo("pending");
    assertThat(s.alerts().get(0).activeAt()).isEqualTo(min(3));
    assertThat(s.alerts().get(0).resolvedAt()).isNull();
  }

  @Test
  void raisedForSendsAFiringAlertBackToPending() throws Exception {
    AlertRuleState s = new AlertRuleState();
    stateAt(s, 0, true, Duration.ZERO, Duration.ZERO);
    assertThat(stateAt(s, 1, true, Duration.ofMinutes(5), Duration.ZERO)).isEqualTo("pending");
    assertThat(s.alerts().get(0).firedAt()).isNull();
  }

  @Test
  void exceedingTheLimitClearsEverything() throws Exception {
    AlertRuleState s = new AlertRuleState();
    List<AlertCandidate> two = List.of(new AlertCandidate(L, Labels.EMPTY, 0),
        new AlertCandidate(Labels.of("alertname", "Down", "instance", "b"), Labels.EMPTY, 0));
    assertThatThrownBy(() -> s.apply(min(0), two, Duration.ZERO, Duration.ZERO, 1))
        .hasMessage("exceeded limit of 1 with 2 alerts");
    assertThat(s.alerts()).isEmpty();
  }

  @Test
  void sendsFiringAlertsAtTheResendDelayStrictly() throws Exception {
    AlertRuleState s = new AlertRuleState();
    Duration resend = Duration.ofMinutes(1);
    Duration interval = Duration.ofSeconds(15);
    Instant t0 = Instant.EPOCH;
    s.apply(t0, FIRING, Duration.ZERO, Duration.ZERO, 0);
    List<Alert> first = s.takeAlertsToSend(t0, resend, interval);
    assertThat(first).singleElement().satisfies(a -> {
      assertThat(a.validUntil()).isEqualTo(t0.plus(Duration.ofMinutes(4)));
      assertThat(a.firedAt()).isEqualTo(t0);
    });
    // 15 s ticks: 60 s is not strictly past the delay, 75 s is.
    for (int sec = 15; sec <= 60; sec += 15) {
      Instant ts = t0.plusSeconds(sec);
      s.apply(ts, FIRING, Duration.ZERO, Duration.ZERO, 0);
      assertThat(s.takeAlertsToSend(ts, resend, interval)).as("at %ds", sec).isEmpty();
    }
    Instant t75 = t0.plusSeconds(75);
    s.apply(t75, FIRING, Duration.ZERO, Duration.ZERO, 0);
    assertThat(s.takeAlertsToSend(t75, resend, interval)).hasSize(1);
  }

  @Test
  void pendingAlertsAreNeverSentAndResolvedOnesAreSentOnce() throws Exception {
    AlertRuleState s = new AlertRuleState();
    Duration resend = Duration.ofMinutes(1);
    s.apply(min(0), FIRING, Duration.ofMinutes(5), Duration.ZERO, 0);
    assertThat(s.takeAlertsToSend(min(0), resend, Duration.ofMinutes(1))).isEmpty();
    AlertRuleState f = new AlertRuleState();
    f.apply(min(0), FIRING, Duration.ZERO, Duration.ZERO, 0);
    f.takeAlertsToSend(min(0), resend, Duration.ofMinutes(1));
    f.apply(min(1), List.of(), Duration.ZERO, Duration.ZERO, 0);
    assertThat(f.takeAlertsToSend(min(1), resend, Duration.ofMinutes(1)))
        .singleElement().satisfies(a -> assertThat(a.resolvedAt()).isEqualTo(min(1)));
    assertThat(f.takeAlertsToSend(min(1).plusSeconds(30), resend, Duration.ofMinutes(1))).isEmpty();
  }
}
