package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.InhibitRuleConfig;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager's dispatcher and notification pipeline without threads or clocks: alerts are put
 * into aggregation groups per route and {@code group_by} values; a group is first flushed {@code
 * group_wait} after it is created (at once if an alert started longer ago than that), then every
 * {@code group_interval}. At a flush, firing alerts lose their end time, inhibited alerts are
 * dropped, muted routes send nothing, and each integration gets the alerts unless its notification
 * log shows it already knows them (an unchanged group is repeated after {@code repeat_interval}).
 * Resolved alerts leave the group once every integration has been notified of them, and an empty
 * group is removed. Time is passed in, so tests run on virtual time; the caller runs the returned
 * {@link Delivery deliveries}, on any thread, through {@link #run}.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  /** Alertmanager's shortest time given to a flush's notifications. */
  private static final Duration MIN_TIMEOUT = Duration.ofSeconds(10);

  private final Route root;
  private final Map<String, List<Integration>> receivers;
  private final Inhibitor inhibitor;
  private final Map<String, List<TimeInterval>> intervals;
  private final Duration resolveTimeout;
  private final NotificationLog log;
  private final Map<Labels, OutgoingAlert> known = new HashMap<>();
  /** No known alert ends before this (null: none ends), so until then none can be forgotten. */
  private Instant earliestEnd;
  private final Map<String, AggregationGroup> groups = new TreeMap<>();
  private long version;
  private boolean dirty;

  /** The notifications of one group's flush still running, and whether any failed. */
  static final class Flush {
    final AggregationGroup group;
    final List<AggregationGroup.Held> alerts;
    final Instant time;
    int pending;
    boolean failed;

    Flush(AggregationGroup group, List<AggregationGroup.Held> alerts, Instant time) {
      this.group = group;
      this.alerts = alerts;
      this.time = time;
    }
  }

  public Dispatcher(Route root, Map<String, List<Integration>> receivers, List<InhibitRuleConfig> inhibitRules,
      Map<String, List<TimeInterval>> intervals, Duration resolveTimeout) {
    this.root = Objects.requireNonNull(root, "root is null");
    this.receivers = Map.copyOf(receivers);
    this.inhibitor = new Inhibitor(inhibitRules);
    this.intervals = Map.copyOf(intervals);
    this.resolveTimeout = Objects.requireNonNull(resolveTimeout, "resolveTimeout is null");
    this.log = new NotificationLog(NotificationLog.DEFAULT_RETENTION);
  }

  /** The integrations of each receiver, by receiver name. */
  public Map<String, List<Integration>> receivers() {
    return receivers;
  }

  /** Takes alerts in at {@code now}: an alert without an end time ends {@code resolve_timeout} from now. */
  public synchronized void ingest(List<OutgoingAlert> alerts, Instant now) {
    for (OutgoingAlert in : alerts) {
      OutgoingAlert a = merge(known.get(in.labels()), withEnd(in, now));
      remember(a);
      for (Route r : root.match(a.labels())) {
        Labels groupLabels = r.groupBy().groupLabels(a.labels());
        AggregationGroup g = groups.computeIfAbsent(AggregationGroup.id(r, groupLabels),
            k -> new AggregationGroup(r, groupLabels, now.plus(r.groupWait())));
        g.alerts.put(a.labels(), new AggregationGroup.Held(a, ++version));
        // Alertmanager flushes a group that has not flushed yet at once when an alert in it
        // started more than group_wait ago, e.g. after a restart.
        if (!g.hasFlushed && a.startsAt().plus(r.groupWait()).isBefore(now)) {
          g.nextFlush = now;
        }
      }
    }
    dirty = true;
  }

  private void remember(OutgoingAlert a) {
    known.put(a.labels(), a);
    if (a.endsAt() != null && (earliestEnd == null || a.endsAt().isBefore(earliestEnd))) {
      earliestEnd = a.endsAt();
    }
  }

  private OutgoingAlert withEnd(OutgoingAlert a, Instant now) {
    return a.endsAt() != null ? a : new OutgoingAlert(a.labels(), a.annotations(), a.startsAt(),
        now.plus(resolveTimeout), a.generatorUrl(), a.evaluationId());
  }

  /** Alertmanager merges a re-sent alert whose activity overlaps the known one: the earlier start wins. */
  private static OutgoingAlert merge(OutgoingAlert old, OutgoingAlert a) {
    if (old == null || !a.startsAt().isAfter(old.startsAt())) {
      return a;
    }
    boolean overlaps = a.startsAt().isBefore(old.endsAt()) || (a.endsAt().isAfter(old.startsAt())
        && a.endsAt().isBefore(old.endsAt()));
    return overlaps ? new OutgoingAlert(a.labels(), a.annotations(), old.startsAt(), a.endsAt(), a.generatorUrl(),
        a.evaluationId()) : a;
  }

  /** The earliest pending flush, or null when there are no groups. */
  public synchronized Instant nextFlush() {
    Instant next = null;
    for (AggregationGroup g : groups.values()) {
      if (next == null || g.nextFlush.isBefore(next)) {
        next = g.nextFlush;
      }
    }
    return next;
  }

  /** How many alerts the dispatcher knows (held by groups, or resolved and not yet forgotten); for tests. */
  synchronized int knownAlerts() {
    return known.size();
  }

  /** The number of aggregation groups. */
  public synchronized int groupCount() {
    return groups.size();
  }

  /** Flushes every group due at {@code now}, in route-tree order, and returns what to deliver. */
  public synchronized List<Delivery> due(Instant now) {
    List<AggregationGroup> due = new ArrayList<>();
    for (AggregationGroup g : groups.values()) {
      if (!g.nextFlush.isAfter(now)) {
        due.add(g);
      }
    }
    due.sort(Comparator.comparingInt((AggregationGroup g) -> g.route.index()).thenComparing(g -> g.groupLabels));
    List<Delivery> out = new ArrayList<>();
    Inhibitor.Sources sources = due.isEmpty() ? null : inhibitor.sources(known.values(), now);
    for (AggregationGroup g : due) {
      g.nextFlush = now.plus(g.route.groupInterval());
      g.hasFlushed = true;
      flush(g, now, sources, out);
    }
    // Checking every known alert at each flush cost more than the flushes once there were
    // thousands; only when one of them can have ended is it worth looking.
    if (!due.isEmpty() && earliestEnd != null && !earliestEnd.isAfter(now)) {
      forgetResolved(now);
    }
    boolean expired = log.expire(now);
    dirty |= expired || !due.isEmpty();
    return out;
  }

  /** Forgets the resolved alerts no group holds any more. */
  private void forgetResolved(Instant now) {
    Instant earliest = null;
    for (Iterator<OutgoingAlert> it = known.values().iterator(); it.hasNext(); ) {
      OutgoingAlert a = it.next();
      if (a.resolvedAt(now) && !inAnyGroup(a.labels())) {
        it.remove();
      } else if (a.endsAt() != null && (earliest == null || a.endsAt().isBefore(earliest))) {
        earliest = a.endsAt();
      }
    }
    earliestEnd = earliest;
  }

  private boolean inAnyGroup(Labels labels) {
    return groups.values().stream().anyMatch(g -> g.alerts.containsKey(labels));
  }

  private void flush(AggregationGroup g, Instant now, Inhibitor.Sources sources, List<Delivery> out) {
    List<AggregationGroup.Held> held = new ArrayList<>(g.alerts.values());
    Flush flush = new Flush(g, held, now);
    List<OutgoingAlert> alerts = new ArrayList<>(held.size());
    for (AggregationGroup.Held h : held) {
      OutgoingAlert a = h.alert();
      // Firing alerts are notified without their end time, so they do not resolve as time passes.
      alerts.add(a.resolvedAt(now) ? a : new OutgoingAlert(a.labels(), a.annotations(), a.startsAt(), null,
          a.generatorUrl(), a.evaluationId()));
    }
    alerts.sort(AlertOrder.INSTANCE);
    alerts.removeIf(a -> sources.inhibit(a.labels()));
    if (alerts.isEmpty() || muted(g.route, now)) {
      finish(flush);
      return;
    }
    Set<Long> firing = new HashSet<>();
    Set<Long> resolved = new HashSet<>();
    for (OutgoingAlert a : alerts) {
      (a.resolvedAt(now) ? resolved : firing).add(GroupData.fingerprint(a.labels()));
    }
    Instant deadline = now.plus(g.route.groupInterval().compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT
        : g.route.groupInterval());
    List<Integration> integrations = receivers.getOrDefault(g.route.receiver(), List.of());
    for (int i = 0; i < integrations.size(); i++) {
      Integration integration = integrations.get(i);
      String key = g.route.receiver() + "/" + i;
      if (!needsUpdate(log.get(key, g.groupKey), firing, resolved, integration.sendResolved(),
          g.route.repeatInterval(), now)) {
        continue;
      }
      List<OutgoingAlert> sent = alerts;
      if (!integration.sendResolved()) {
        if (firing.isEmpty()) {
          // Nothing to send, but the log must learn that the alerts resolved.
          log.log(key, g.groupKey, firing, resolved, now);
          continue;
        }
        sent = alerts.stream().filter(a -> !a.resolvedAt(now)).toList();
      }
      Notification n = new Notification(g.route.receiver(), g.groupKey, g.groupLabels, sent, now);
      flush.pending++;
      out.add(new Delivery(key, integration, n, deadline, firing, resolved, flush));
    }
    if (flush.pending == 0) {
      finish(flush);
    }
  }

  private boolean muted(Route route, Instant now) {
    for (String name : route.muteTimeIntervals()) {
      if (TimeInterval.anyContains(intervals.getOrDefault(name, List.of()), now)) {
        return true;
      }
    }
    if (route.activeTimeIntervals().isEmpty()) {
      return false;
    }
    for (String name : route.activeTimeIntervals()) {
      if (TimeInterval.anyContains(intervals.getOrDefault(name, List.of()), now)) {
        return false;
      }
    }
    return true;
  }

  /** Alertmanager's DedupStage: whether an integration must hear about the group now. */
  static boolean needsUpdate(NotificationLog.Entry entry, Set<Long> firing, Set<Long> resolved,
      boolean sendResolved, Duration repeat, Instant now) {
    if (entry == null) {
      return !firing.isEmpty();
    }
    if (!entry.firing().containsAll(firing)) {
      return true;
    }
    if (firing.isEmpty()) {
      // All resolved: notify (whatever send_resolved says, to clear the log) only if the
      // integration was last told that some alerts fire.
      return !entry.firing().isEmpty();
    }
    if (sendResolved && !entry.resolved().containsAll(resolved)) {
      return true;
    }
    return !entry.timestamp().plus(repeat).isAfter(now);
  }

  /** Runs a delivery on the caller's thread and records the outcome at {@code now()}'s value then. */
  public void run(Delivery d, Supplier<Instant> now, Runnable onFailure) {
    boolean ok;
    try {
      d.integration().deliver(d.notification(), d.deadline());
      ok = true;
    } catch (RuntimeException e) {
      LOG.error("Notification to {} for group {} failed: {}", d.integrationKey(), d.notification().groupKey(),
          e.getMessage());
      ok = false;
      onFailure.run();
    }
    completed(d, ok, now.get());
  }

  /** Records a delivery's outcome: a success is logged; once a flush fully succeeded its resolved alerts go. */
  public synchronized void completed(Delivery d, boolean ok, Instant now) {
    if (ok) {
      log.log(d.integrationKey(), d.notification().groupKey(), d.firing, d.resolved, now);
    }
    Flush f = d.flush;
    f.pending--;
    f.failed |= !ok;
    if (f.pending == 0 && !f.failed) {
      finish(f);
    }
    dirty = true;
  }

  /** Removes the flushed resolved alerts not updated since, and the group when it is left empty. */
  private void finish(Flush f) {
    AggregationGroup g = f.group;
    for (AggregationGroup.Held h : f.alerts) {
      AggregationGroup.Held now = g.alerts.get(h.alert().labels());
      if (now != null && now.version() == h.version() && h.alert().resolvedAt(f.time)) {
        g.alerts.remove(h.alert().labels());
      }
    }
    if (g.alerts.isEmpty() && groups.get(g.id()) == g) {
      groups.remove(g.id());
    }
  }

  /** Whether anything changed since the last {@link #snapshot}. */
  public synchronized boolean dirty() {
    return dirty;
  }

  /** The state to keep across a restart; clears the dirty flag. */
  public synchronized DispatcherState snapshot() {
    dirty = false;
    List<DispatcherState.Group> out = new ArrayList<>();
    for (AggregationGroup g : groups.values()) {
      out.add(new DispatcherState.Group(g.route.index(), g.route.key(), g.groupLabels, g.nextFlush, g.hasFlushed,
          g.alerts.values().stream().map(AggregationGroup.Held::alert).toList()));
    }
    return new DispatcherState(out, log.entries());
  }

  /**
   * Restores saved state: groups whose route still exists (same position and key) keep their
   * timers; the alerts of others are routed afresh under the current tree.
   */
  public synchronized void restore(DispatcherState state, Instant now) {
    List<Route> routes = root.flatten();
    state.log().forEach(log::restore);
    for (DispatcherState.Group sg : state.groups()) {
      Route r = sg.routeIndex() >= 0 && sg.routeIndex() < routes.size() ? routes.get(sg.routeIndex()) : null;
      if (r == null || !r.key().equals(sg.routeKey())) {
        ingest(sg.alerts(), now);
        continue;
      }
      AggregationGroup g = new AggregationGroup(r, sg.groupLabels(), sg.nextFlush());
      g.hasFlushed = sg.hasFlushed();
      for (OutgoingAlert a : sg.alerts()) {
        g.alerts.put(a.labels(), new AggregationGroup.Held(a, ++version));
        remember(a);
      }
      if (!g.alerts.isEmpty()) {
        groups.put(g.id(), g);
      }
    }
    log.expire(now);
  }
}
