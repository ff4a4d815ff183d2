package dev.tocsin.notifier.route;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One node of Alertmanager's routing tree with its effective settings: values a route leaves
 * unset are inherited from its parent when the tree is loaded, as Alertmanager does, so every node
 * carries the receiver, grouping and timers that apply to alerts it takes.
 *
 * @param index the node's position in a depth-first walk of the tree (the root is 0); it orders
 *     notifications deterministically
 * @param key Alertmanager's route key: the parent's key, {@code /}, and this route's sorted
 *     matchers, e.g. {@code {}/{severity="critical"}}
 * @param position where the route is written in its file, or {@code null}
 */
public record Route(
    int index,
    String key,
    String receiver,
    GroupBy groupBy,
    List<LabelMatcher> matchers,
    boolean continueMatching,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    List<Route> routes,
    Position position) {

  /** Alertmanager's default {@code group_wait}. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  /** Alertmanager's default {@code group_interval}. */
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  /** Alertmanager's default {@code repeat_interval}. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  public Route {
    Objects.requireNonNull(key, "key is null");
    Objects.requireNonNull(receiver, "receiver is null");
    Objects.requireNonNull(groupBy, "groupBy is null");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(groupWait, "groupWait is null");
    Objects.requireNonNull(groupInterval, "groupInterval is null");
    Objects.requireNonNull(repeatInterval, "repeatInterval is null");
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
    routes = List.copyOf(routes);
  }

  /** Whether every matcher of this route accepts the labels (a missing label counts as empty). */
  public boolean accepts(Labels labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels.getOrEmpty(m.name()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The routes that take an alert, as Alertmanager's dispatcher finds them: if this route accepts
   * the labels, its children are tried in order and the walk stops at the first child that takes
   * the alert unless that child has {@code continue: true}; when no child takes it, this route
   * does. Empty when this route does not accept the labels.
   */
  public List<Route> match(Labels labels) {
    List<Route> out = new ArrayList<>(2);
    collect(labels, out);
    return out;
  }

  private boolean collect(Labels labels, List<Route> out) {
    if (!accepts(labels)) {
      return false;
    }
    boolean taken = false;
    for (Route child : routes) {
      if (child.collect(labels, out)) {
        taken = true;
        if (!child.continueMatching) {
          break;
        }
      }
    }
    if (!taken) {
      out.add(this);
    }
    return true;
  }

  /** This route and its descendants, depth first. */
  public List<Route> flatten() {
    List<Route> out = new ArrayList<>();
    flattenInto(out);
    return out;
  }

  private void flattenInto(List<Route> out) {
    out.add(this);
    routes.forEach(r -> r.flattenInto(out));
  }
}
