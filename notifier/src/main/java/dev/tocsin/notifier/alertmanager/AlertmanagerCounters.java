package dev.tocsin.notifier.alertmanager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Alertmanager clients' counters per Alertmanager URL, after Prometheus' {@code
 * prometheus_notifications_*}: alerts sent, alerts in failed requests, alerts dropped. The daemon
 * hands one instance to every {@link AlertmanagerNotifier} it creates, so that when a reload
 * replaces the client the counts carry on and never go back; the queue gauges sum over the clients
 * open at the time (during a reload the old one drains while the new one queues, and a client
 * built for a reload that failed is closed and no longer read).
 */
public final class AlertmanagerCounters {
  /** The live counters of one Alertmanager. */
  static final class Counts {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
  }

  private final Map<String, Counts> byUrl = new ConcurrentHashMap<>();
  private final Set<AlertmanagerNotifier> open = ConcurrentHashMap.newKeySet();

  /** The URLs ({@code .../api/v2/alerts}) counted so far, sorted. */
  public List<String> urls() {
    return byUrl.keySet().stream().sorted().toList();
  }

  /**
   * The totals of one Alertmanager over every client that counted here, with the queue length
   * and capacity of the open clients (zeros for a URL never counted).
   */
  public AlertmanagerStats stats(String url) {
    Counts c = byUrl.getOrDefault(url, new Counts());
    int length = 0;
    int capacity = 0;
    for (AlertmanagerNotifier n : open) {
      length += n.queueLength(url);
      capacity = Math.max(capacity, n.queueCapacity(url));
    }
    return new AlertmanagerStats(url, c.sent.get(), c.errors.get(), c.dropped.get(), length, capacity);
  }

  Counts counts(String url) {
    return byUrl.computeIfAbsent(url, k -> new Counts());
  }

  void opened(AlertmanagerNotifier n) {
    open.add(n);
  }

  void closed(AlertmanagerNotifier n) {
    open.remove(n);
  }
}
