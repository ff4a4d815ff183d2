package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the router keeps across a restart: each aggregation group (its route, labels, alerts and
 * next flush) and the notification log.
 */
public record DispatcherState(List<Group> groups, List<NotificationLog.Entry> log) {
  public DispatcherState {
    groups = List.copyOf(groups);
    log = List.copyOf(log);
  }

  /** One aggregation group as saved. */
  public record Group(int routeIndex, String routeKey, Labels groupLabels, Instant nextFlush, boolean hasFlushed,
      List<OutgoingAlert> alerts) {
    public Group {
      Objects.requireNonNull(routeKey, "routeKey is null");
      Objects.requireNonNull(groupLabels, "groupLabels is null");
      Objects.requireNonNull(nextFlush, "nextFlush is null");
      alerts = List.copyOf(alerts);
    }
  }
}
