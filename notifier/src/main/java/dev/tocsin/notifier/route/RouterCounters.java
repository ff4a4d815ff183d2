package dev.tocsin.notifier.route;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in router's counters, after Alertmanager's metrics: alerts received (firing or already
 * resolved on arrival), alerts the queue dropped, and per receiver and integration type the
 * notifications attempted and failed. The daemon hands one instance to every router it creates, so
 * that when a reload replaces the router the counts carry on and never go back; the gauges sum over
 * the routers open at the time (during a reload the old one drains while the new one queues).
 */
public final class RouterCounters {
  /** A receiver's integrations of one type ({@code webhook}, {@code email}, {@code log}), counted together as in Alertmanager. */
  public record IntegrationKey(String receiver, String integration) implements Comparable<IntegrationKey> {
    public IntegrationKey {
      Objects.requireNonNull(receiver, "receiver is null");
      Objects.requireNonNull(integration, "integration is null");
    }

    @Override
    public int compareTo(IntegrationKey o) {
      int c = receiver.compareTo(o.receiver);
      return c != 0 ? c : integration.compareTo(o.integration);
    }
  }

  /** The counts of one {@link IntegrationKey}: notifications attempted and those that failed. */
  public record IntegrationCounts(long notifications, long failed) {}

  /** The live counters of one key. */
  static final class Counts {
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
  }

  private final AtomicLong receivedFiring = new AtomicLong();
  private final AtomicLong receivedResolved = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Map<IntegrationKey, Counts> integrations = new ConcurrentHashMap<>();
  private final Set<RoutingNotifier> open = ConcurrentHashMap.newKeySet();

  /** Alerts taken in that were firing on arrival. */
  public long receivedFiring() {
    return receivedFiring.get();
  }

  /** Alerts taken in that were already resolved on arrival. */
  public long receivedResolved() {
    return receivedResolved.get();
  }

  /** Alerts dropped before routing: queue overflow, sent after close, left at the shutdown deadline. */
  public long dropped() {
    return dropped.get();
  }

  /** The counts of every receiver and integration type seen so far, in order; zero for those not yet used. */
  public Map<IntegrationKey, IntegrationCounts> integrations() {
    Map<IntegrationKey, IntegrationCounts> out = new TreeMap<>();
    integrations.forEach((k, c) -> out.put(k, new IntegrationCounts(c.notifications.get(), c.failed.get())));
    return out;
  }

  /** The counts of one receiver's integrations of one type (zeros when unknown). */
  public IntegrationCounts integration(String receiver, String integration) {
    Counts c = integrations.get(new IntegrationKey(receiver, integration));
    return c == null ? new IntegrationCounts(0, 0) : new IntegrationCounts(c.notifications.get(), c.failed.get());
  }

  /** Alerts waiting in the queues of the open routers. */
  public int queueLength() {
    return open.stream().mapToInt(RoutingNotifier::queueLength).sum();
  }

  /** Aggregation groups of the open routers. */
  public int aggregationGroups() {
    return open.stream().mapToInt(RoutingNotifier::aggregationGroups).sum();
  }

  void received(long firing, long resolved) {
    receivedFiring.addAndGet(firing);
    receivedResolved.addAndGet(resolved);
  }

  void dropped(int n) {
    dropped.addAndGet(n);
  }

  Counts counts(String receiver, String integration) {
    return integrations.computeIfAbsent(new IntegrationKey(receiver, integration), k -> new Counts());
  }

  void opened(RoutingNotifier router) {
    open.add(router);
  }

  void closed(RoutingNotifier router) {
    open.remove(router);
  }
}
