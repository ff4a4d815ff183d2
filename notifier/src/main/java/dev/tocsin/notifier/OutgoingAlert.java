package dev.tocsin.notifier;

import dev.tocsin.model.Labels;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert handed to notifiers, shaped as Alertmanager's API v2 takes it: labels, annotations,
 * {@code startsAt} (the rule's fired-at time), {@code endsAt} (resolved-at, or the validity limit
 * of a firing alert) and the generator URL, plus the correlation id of the group evaluation that
 * produced it (logged, never sent as a label).
 */
public record OutgoingAlert(
    Labels labels, Labels annotations, Instant startsAt, Instant endsAt, String generatorUrl, String evaluationId) {

  public OutgoingAlert {
    Objects.requireNonNull(labels, "labels is null");
    Objects.requireNonNull(annotations, "annotations is null");
    Objects.requireNonNull(startsAt, "startsAt is null");
    generatorUrl = generatorUrl == null ? "" : generatorUrl;
    evaluationId = evaluationId == null ? "" : evaluationId;
  }

  /** Whether the alert is resolved at {@code now}: its {@code endsAt} is set and not after now. */
  public boolean resolvedAt(Instant now) {
    return endsAt != null && !endsAt.isAfter(now);
  }
}
