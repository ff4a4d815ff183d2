package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import java.util.List;

/**
 * A route's {@code group_by}: the label names whose values split alerts into groups, or {@code
 * ['...']} ({@link #all()}), which groups by every label so that each alert is its own group. An
 * empty list puts all of a route's alerts in one group.
 */
public record GroupBy(boolean all, List<String> labels) {
  /** No grouping labels: one group per route. */
  public static final GroupBy NONE = new GroupBy(false, List.of());

  /** Grouping by every label. */
  public static final GroupBy ALL = new GroupBy(true, List.of());

  public GroupBy {
    labels = List.copyOf(labels);
    if (all && !labels.isEmpty()) {
      throw new IllegalArgumentException("group_by '...' cannot be combined with label names");
    }
  }

  /** The labels that identify an alert's group: the grouping labels the alert has (all of them for '...'). */
  public Labels groupLabels(Labels alertLabels) {
    if (all) {
      return alertLabels.withoutEmpty();
    }
    Labels.Builder b = Labels.builder();
    for (String name : labels) {
      String v = alertLabels.getOrEmpty(name);
      if (!v.isEmpty()) {
        b.put(name, v);
      }
    }
    return b.build();
  }
}
