package dev.tocsin.notifier.receiver;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One notification for one receiver: the alerts of an aggregation group (sorted by labels), the
 * group's labels and key in Alertmanager's format ({@code <route key>:<group labels>}), and the
 * time it is sent, which decides whether each alert is firing or resolved.
 */
public record Notification(String receiver, String groupKey, Labels groupLabels, List<OutgoingAlert> alerts,
    Instant time) {

  /** Whether a notification, or one alert in it, is firing or resolved. */
  public enum Status {
    FIRING,
    RESOLVED;

    /** The status as Alertmanager writes it: {@code firing} or {@code resolved}. */
    public String text() {
      return this == FIRING ? "firing" : "resolved";
    }
  }

  public Notification {
    Objects.requireNonNull(receiver, "receiver is null");
    Objects.requireNonNull(groupKey, "groupKey is null");
    Objects.requireNonNull(groupLabels, "groupLabels is null");
    alerts = List.copyOf(alerts);
    Objects.requireNonNull(time, "time is null");
  }

  /** The status of one alert at the notification's time. */
  public Status status(OutgoingAlert alert) {
    return alert.resolvedAt(time) ? Status.RESOLVED : Status.FIRING;
  }

  /** Firing when any alert fires, else resolved, as in Alertmanager's payloads. */
  public Status status() {
    return alerts.stream().anyMatch(a -> !a.resolvedAt(time)) ? Status.FIRING : Status.RESOLVED;
  }

  /** The same notification with only the firing alerts. */
  public Notification firingOnly() {
    return new Notification(receiver, groupKey, groupLabels,
        alerts.stream().filter(a -> !a.resolvedAt(time)).toList(), time);
  }
}
