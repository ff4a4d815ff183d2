package dev.tocsin.engine.state;

import dev.tocsin.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts of one alerting rule and Prometheus' state machine over them (pending → firing,
 * {@code keep_firing_for}, resolved alerts kept 15 minutes, the alert limit). Time is always
 * passed in; nothing here reads a clock. Not thread-safe: one group evaluation owns it at a time.
 */
public final class AlertRuleState {
  /** How long Prometheus keeps a resolved alert so that its resolution reaches Alertmanager. */
  public static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

  private final Map<Labels, Alert> active = new LinkedHashMap<>();

  /** Thrown when more alerts are active than the group's limit; every alert has been dropped. */
  public static final class LimitExceededException extends Exception {
    private static final long serialVersionUID = 1L;

    LimitExceededException(int limit, int count) {
      super("exceeded limit of " + limit + " with " + count + " alerts", null, false, false);
    }
  }

  /**
   * Applies one successful evaluation's candidates at {@code ts} and returns the alerts that are
   * pending or firing afterwards (kept-firing ones included): those that get {@code ALERTS}
   * samples.
   *
   * @throws LimitExceededException when {@code limit > 0} and more alerts are active; as in
   *     Prometheus the whole state is cleared, so no resolution is ever sent for them
   */
  public List<Alert> apply(Instant ts, List<AlertCandidate> candidates, Duration holdDuration, Duration keepFiringFor,
      int limit) throws LimitExceededException {
    Set<Labels> present = new HashSet<>();
    for (AlertCandidate c : candidates) {
      present.add(c.labels());
      Alert existing = active.get(c.labels());
      if (existing != null && existing.status() != AlertStatus.INACTIVE) {
        active.put(c.labels(), existing.withValueAndAnnotations(c.value(), c.annotations()));
      } else {
        // Also replaces a retained resolved alert: a returning alert starts pending again.
        active.put(c.labels(), Alert.pending(c.labels(), c.annotations(), c.value(), ts));
      }
    }
    List<Alert> out = new ArrayList<>();
    for (Iterator<Map.Entry<Labels, Alert>> it = active.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Labels, Alert> e = it.next();
      Alert a = e.getValue();
      if (!present.contains(e.getKey())) {
        boolean keepFiring = false;
        if (a.status() == AlertStatus.FIRING && keepFiringFor.compareTo(Duration.ZERO) > 0) {
          if (a.keepFiringSince() == null) {
            a = a.withKeepFiringSince(ts);
          }
          keepFiring = Duration.between(a.keepFiringSince(), ts).compareTo(keepFiringFor) < 0;
        }
        if (a.status() == AlertStatus.PENDING
            || (a.resolvedAt() != null && Duration.between(a.resolvedAt(), ts).compareTo(RESOLVED_RETENTION) > 0)) {
          it.remove();
          continue;
        }
        if (a.status() != AlertStatus.INACTIVE && !keepFiring) {
          a = a.resolved(ts);
        }
        e.setValue(a);
        if (!keepFiring) {
          continue;
        }
      } else if (a.keepFiringSince() != null) {
        a = a.withKeepFiringSince(null);
      }
      if (a.status() == AlertStatus.PENDING && Duration.between(a.activeAt(), ts).compareTo(holdDuration) >= 0) {
        a = a.firing(ts);
      } else if (a.status() == AlertStatus.FIRING
          && Duration.between(a.activeAt(), ts).compareTo(holdDuration) < 0) {
        // Prometheus 3.11+: 'for' was raised on reload, so the alert has to wait again.
        a = a.backToPending();
      }
      e.setValue(a);
      out.add(a);
    }
    if (limit > 0 && out.size() > limit) {
      active.clear();
      throw new LimitExceededException(limit, out.size());
    }
    return out;
  }

  /**
   * The alerts to send at {@code ts} (Prometheus' {@code needsSending}), each marked as sent and
   * valid until {@code ts + 4 × max(interval, resendDelay)}.
   */
  public List<Alert> takeAlertsToSend(Instant ts, Duration resendDelay, Duration interval) {
    Duration validity = (interval.compareTo(resendDelay) > 0 ? interval : resendDelay).multipliedBy(4);
    List<Alert> out = new ArrayList<>();
    for (Map.Entry<Labels, Alert> e : active.entrySet()) {
      Alert a = e.getValue();
      if (a.needsSending(ts, resendDelay)) {
        Alert sent = a.sent(ts, ts.plus(validity));
        e.setValue(sent);
        out.add(sent);
      }
    }
    return out;
  }

  /**
   * Replaces every alert held with {@code alerts} (restored from a snapshot or inherited on
   * reload); the next {@link #apply} continues from them as if it had produced them itself.
   */
  public void restore(List<Alert> alerts) {
    active.clear();
    for (Alert a : alerts) {
      active.put(a.labels(), a);
    }
  }

  /** Every alert held, resolved ones included. */
  public List<Alert> alerts() {
    return List.copyOf(active.values());
  }

  /** The alerts that are not resolved, as the API and unit tests count them. */
  public List<Alert> activeAlerts() {
    return active.values().stream().filter(Alert::isActive).toList();
  }

  /** The rule's state: the highest state of its alerts. */
  public AlertStatus ruleStatus() {
    AlertStatus max = AlertStatus.INACTIVE;
    for (Alert a : active.values()) {
      if (a.status().compareTo(max) > 0) {
        max = a.status();
      }
    }
    return max;
  }
}
