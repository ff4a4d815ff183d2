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
  private final List<AlertmanagerSender> senders = new ArrayList<>();
  private final List<QueueWorker> workers = new ArrayList<>();

  /** Starts one sender thread per endpoint. */
  public AlertmanagerNotifier(List<AlertmanagerEndpoint> endpoints, Labels externalLabels, Options options) {
    Objects.requireNonNull(endpoints, "endpoints is null");
    this.externalLabels = Objects.requireNonNull(externalLabels, "externalLabels is null");
    Objects.requireNonNull(options, "options is null");
    for (int i = 0; i < endpoints.size(); i++) {
      AlertmanagerSender sender = new AlertmanagerSender(endpoints.get(i));
      senders.add(sender);
      workers.add(new QueueWorker("tocsin-alertmanager-" + i, new AlertQueue(options.queueCapacity()),
          options.batchSize(), sender));
    }
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

  /** The counters of each Alertmanager, in configuration order. */
  public List<AlertmanagerStats> stats() {
    List<AlertmanagerStats> out = new ArrayList<>(senders.size());
    for (int i = 0; i < senders.size(); i++) {
      AlertmanagerSender s = senders.get(i);
      AlertQueue q = workers.get(i).queue();
      out.add(new AlertmanagerStats(s.url(), s.sent(), s.errors(), q.dropped() + s.failedDropped(), q.size(),
          q.capacity()));
    }
    return out;
  }

  @Override
  public void close(Duration deadline) {
    QueueWorker.closeAll(workers, deadline);
  }
}
