package dev.tocsin.engine.state;

import dev.tocsin.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert of an alerting rule, as Prometheus keeps it: identity labels, expanded annotations,
 * the last value, the state and its timestamps. Absent timestamps are {@code null} (Go's zero
 * time). Immutable; the state machine replaces alerts instead of changing them.
 */
public record Alert(
    Labels labels,
    Labels annotations,
    double value,
    AlertStatus status,
    Instant activeAt,
    Instant firedAt,
    Instant resolvedAt,
    Instant lastSentAt,
    Instant validUntil,
    Instant keepFiringSince) {

  public Alert {
    Objects.requireNonNull(labels, "labels is null");
    Objects.requireNonNull(annotations, "annotations is null");
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(activeAt, "activeAt is null");
  }

  /** A new pending alert that became active at {@code ts}. */
  public static Alert pending(Labels labels, Labels annotations, double value, Instant ts) {
    return new Alert(labels, annotations, value, AlertStatus.PENDING, ts, null, null, null, null, null);
  }

  /** Whether the alert is active as the API and unit tests count it: not resolved. */
  public boolean isActive() {
    return resolvedAt == null;
  }

  Alert withValueAndAnnotations(double v, Labels a) {
    return new Alert(labels, a, v, status, activeAt, firedAt, resolvedAt, lastSentAt, validUntil, keepFiringSince);
  }

  Alert withKeepFiringSince(Instant t) {
    return new Alert(labels, annotations, value, status, activeAt, firedAt, resolvedAt, lastSentAt, validUntil, t);
  }

  Alert resolved(Instant ts) {
    return new Alert(labels, annotations, value, AlertStatus.INACTIVE, activeAt, firedAt, ts, lastSentAt, validUntil,
        keepFiringSince);
  }

  Alert firing(Instant ts) {
    return new Alert(labels, annotations, value, AlertStatus.FIRING, activeAt, ts, resolvedAt, lastSentAt, validUntil,
        keepFiringSince);
  }

  Alert backToPending() {
    return new Alert(labels, annotations, value, AlertStatus.PENDING, activeAt, null, resolvedAt, null, validUntil, null);
  }

  /**
   * This alert as restored after {@code downtime} without evaluations: a pending alert's
   * {@code activeAt} moves forward so the downtime does not count toward {@code for} (Prometheus'
   * rule for pending alerts); firing and resolved alerts keep every timestamp, so neither
   * {@code startsAt} nor the resend schedule changes.
   */
  Alert afterDowntime(Duration downtime) {
    if (status != AlertStatus.PENDING || downtime.isZero()) {
      return this;
    }
    return new Alert(labels, annotations, value, status, activeAt.plus(downtime), firedAt, resolvedAt, lastSentAt,
        validUntil, keepFiringSince);
  }

  /** Whether both have the same identity, state and timestamps; value and annotations may differ. */
  boolean sameStateAs(Alert o) {
    return labels.equals(o.labels) && status == o.status && activeAt.equals(o.activeAt)
        && Objects.equals(firedAt, o.firedAt) && Objects.equals(resolvedAt, o.resolvedAt)
        && Objects.equals(lastSentAt, o.lastSentAt) && Objects.equals(validUntil, o.validUntil)
        && Objects.equals(keepFiringSince, o.keepFiringSince);
  }

  /** A copy recording that it was sent at {@code ts}, valid until {@code validUntil}. */
  Alert sent(Instant ts, Instant until) {
    return new Alert(labels, annotations, value, status, activeAt, firedAt, resolvedAt, ts, until, keepFiringSince);
  }

  /**
   * Prometheus' {@code needsSending}: never while pending; a newly resolved alert once; otherwise
   * when the last send is strictly older than the resend delay (or never happened).
   */
  public boolean needsSending(Instant ts, Duration resendDelay) {
    if (status == AlertStatus.PENDING) {
      return false;
    }
    if (resolvedAt != null && (lastSentAt == null || resolvedAt.isAfter(lastSentAt))) {
      return true;
    }
    return lastSentAt == null || lastSentAt.plus(resendDelay).isBefore(ts);
  }
}
