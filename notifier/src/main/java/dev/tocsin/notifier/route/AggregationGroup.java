package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts of one route that share the values of its {@code group_by} labels, with the time of
 * the group's next flush; mutable, owned by the {@link Dispatcher} and guarded by it.
 */
final class AggregationGroup {
  /** An alert as the group holds it, with the version it was last updated at. */
  record Held(OutgoingAlert alert, long version) {}

  final Route route;
  final Labels groupLabels;
  final String groupKey;
  final Map<Labels, Held> alerts = new TreeMap<>();
  Instant nextFlush;
  boolean hasFlushed;

  AggregationGroup(Route route, Labels groupLabels, Instant nextFlush) {
    this.route = route;
    this.groupLabels = groupLabels;
    this.groupKey = route.key() + ":" + groupLabels;
    this.nextFlush = nextFlush;
  }

  /** The group's identity among all groups: its route's index and its labels. */
  String id() {
    return id(route, groupLabels);
  }

  static String id(Route route, Labels groupLabels) {
    return route.index() + "\u0000" + groupLabels;
  }
}
