package dev.tocsin.notifier.alertmanager;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.AlertQueue;
import dev.tocsin.notifier.ExternalLabels;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.QueueWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends alerts to one or more Alertmanagers through API v2 ({@code POST /api/v2/alerts}), as
 * Prometheus 3.10+'s notifier does: every Alertmanager gets every alert, through its own bounded
 * queue (oldest dropped when full) and its own sender thread, so a slow or dead Alertmanager
 * delays no other. Batches hold up to {@link Options#batchSize()} alerts; each request has its own
 * correlation id ({@code X-Correlation-Id}) and one log line. Failed requests are not retried.
 */
public final class AlertmanagerNotifier implements Notifier {
  /** Queue capacity and batch size per Alertmanager. */
  public record Options(int queueCapacity, int batchSize) {
    /** Prometheus' defaults: {@code --alertmanager.notification-queue-capacity} and {@code -batch-size}. */
    public static final Options DEFAULT = new Options(10_000, 256);

    public Options {
      if (queueCapacity < 1) {
        throw new IllegalArgumentException("queue capacity must be at least 1, got " + queueCapacity);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      }
    }
  }

  private final Labels externalLabels;
  private final AlertmanagerCounters counters;
  private final List<AlertmanagerSender> senders = new ArrayList<>();
  private final List<QueueWorker> workers = new ArrayList<>();

  /** Starts one sender thread per endpoint, counting in counters of its own. */
  public AlertmanagerNotifier(List<AlertmanagerEndpoint> endpoints, Labels externalLabels, Options options) {
    this(endpoints, externalLabels, options, new AlertmanagerCounters());
  }

  /** Starts one sender thread per endpoint, counting in {@code counters}, which may outlive it (see {@link AlertmanagerCounters}). */
  public AlertmanagerNotifier(List<AlertmanagerEndpoint> endpoints, Labels externalLabels, Options options,
      AlertmanagerCounters counters) {
    Objects.requireNonNull(endpoints, "endpoints is null");
    this.externalLabels = Objects.requireNonNull(externalLabels, "externalLabels is null");
    Objects.requireNonNull(options, "options is null");
    this.counters = Objects.requireNonNull(counters, "counters is null");
    for (int i = 0; i < endpoints.size(); i++) {
      AlertmanagerCounters.Counts counts = counters.counts(endpoints.get(i).alertsUrl());
      AlertmanagerSender sender = new AlertmanagerSender(endpoints.get(i), counts);
      senders.add(sender);
      workers.add(new QueueWorker("tocsin-alertmanager-" + i,
          new AlertQueue(options.queueCapacity(), counts.dropped::addAndGet), options.batchSize(), sender));
    }
    counters.opened(this);
    workers.forEach(QueueWorker::start);
  }

  @Override
  public void send(List<OutgoingAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    List<OutgoingAlert> batch = ExternalLabels.applyAll(alerts, externalLabels);
    for (QueueWorker w : workers) {
      w.queue().add(batch);
    }
  }

  /**
   * Per Alertmanager, in configuration order: the totals of its counters (with those of the
   * clients this one shares them with) and the length and capacity of this client's own queue.
   */
  public List<AlertmanagerStats> stats() {
    List<AlertmanagerStats> out = new ArrayList<>(senders.size());
    for (int i = 0; i < senders.size(); i++) {
      AlertmanagerStats total = counters.stats(senders.get(i).url());
      AlertQueue q = workers.get(i).queue();
      out.add(new AlertmanagerStats(total.url(), total.sent(), total.errors(), total.dropped(), q.size(),
          q.capacity()));
    }
    return out;
  }

  /** Alerts waiting in this client's queues for {@code url}. */
  int queueLength(String url) {
    int n = 0;
    for (int i = 0; i < senders.size(); i++) {
      n += senders.get(i).url().equals(url) ? workers.get(i).queue().size() : 0;
    }
    return n;
  }

  /** The capacity of this client's queue for {@code url}; 0 when it has none. */
  int queueCapacity(String url) {
    int capacity = 0;
    for (int i = 0; i < senders.size(); i++) {
      capacity = senders.get(i).url().equals(url) ? Math.max(capacity, workers.get(i).queue().capacity()) : capacity;
    }
    return capacity;
  }

  @Override
  public void close(Duration deadline) {
    QueueWorker.closeAll(workers, deadline);
    counters.closed(this);
  }
}
