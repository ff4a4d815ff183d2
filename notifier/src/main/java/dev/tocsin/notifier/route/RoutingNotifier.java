package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.AlertQueue;
import dev.tocsin.notifier.ExternalLabels;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.QueueWorker;
import dev.tocsin.notifier.config.EmailConfig;
import dev.tocsin.notifier.config.IntegrationConfig;
import dev.tocsin.notifier.config.LogConfig;
import dev.tocsin.notifier.config.NotificationConfig;
import dev.tocsin.notifier.config.ReceiverConfig;
import dev.tocsin.notifier.email.EmailIntegration;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.LogIntegration;
import dev.tocsin.notifier.template.NotificationTemplateException;
import dev.tocsin.notifier.template.NotificationTemplates;
import dev.tocsin.notifier.receiver.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tocsin's built-in notification routing, configured by an alertmanager.yml: each alert walks the
 * route tree ({@link Route#match}), alerts are grouped per route and {@code group_by} values, and
 * each group goes to its route's receiver as one {@link Notification}.
 *
 * <p>This first version delivers immediately, on its own thread, whenever alerts are sent: one
 * notification per group and receiver for every {@link #send} (so a resent firing alert is
 * notified again). Alertmanager's {@code group_wait}, {@code group_interval} and {@code
 * repeat_interval} timers, inhibition and time-interval muting are loaded but not applied yet.
 * Notifications of one batch are delivered in route-tree order, then by group labels.
 */
public final class RoutingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(RoutingNotifier.class);
  /** Default capacity of the router's queue, as for an Alertmanager. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  private final Route root;
  private final Map<String, List<Integration>> receivers;
  private final Labels externalLabels;
  private final Clock clock;
  private final QueueWorker worker;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong notifications = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /**
   * Starts a router over a route tree and the integrations of each receiver name.
   *
   * @param externalLabels added to alerts that lack them, as they would be before reaching Alertmanager
   */
  public RoutingNotifier(Route root, Map<String, List<Integration>> receivers, Labels externalLabels, Clock clock,
      int queueCapacity) {
    this.root = Objects.requireNonNull(root, "root is null");
    this.receivers = Map.copyOf(receivers);
    this.externalLabels = Objects.requireNonNull(externalLabels, "externalLabels is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    AlertQueue queue = new AlertQueue(queueCapacity);
    this.worker = new QueueWorker("tocsin-router", queue, queueCapacity, this::deliver);
    worker.start();
  }

  /** A router for a loaded configuration whose {@code log} receivers print to {@code console}. */
  public static RoutingNotifier create(NotificationConfig config, Labels externalLabels, Consumer<String> console,
      Clock clock) {
    Map<String, List<Integration>> receivers = new LinkedHashMap<>();
    NotificationTemplates templates = null;
    for (ReceiverConfig r : config.receivers()) {
      List<Integration> integrations = new ArrayList<>();
      for (IntegrationConfig ic : r.integrations()) {
        if (ic instanceof LogConfig log) {
          integrations.add(new LogIntegration(log, console));
        } else if (ic instanceof EmailConfig email) {
          templates = templates != null ? templates : templates(config);
          integrations.add(emailIntegration(r.name(), email, templates, ""));
        }
      }
      receivers.put(r.name(), List.copyOf(integrations));
    }
    return new RoutingNotifier(config.route(), receivers, externalLabels, clock, DEFAULT_QUEUE_CAPACITY);
  }

  /** The notification templates of a configuration (already checked when it loaded). */
  static NotificationTemplates templates(NotificationConfig config) {
    try {
      return NotificationTemplates.load(config.templates());
    } catch (NotificationTemplateException e) {
      // The loader parsed these files; they changed or vanished since.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The integration of one {@code email_configs} entry; {@code externalUrl} is the templates' {@code .ExternalURL}. */
  static Integration emailIntegration(String receiver, EmailConfig email, NotificationTemplates templates,
      String externalUrl) {
    return new EmailIntegration(receiver, email, templates, externalUrl);
  }

  @Override
  public void send(List<OutgoingAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    worker.queue().add(ExternalLabels.applyAll(alerts, externalLabels));
  }

  private void deliver(List<OutgoingAlert> batch) {
    received.addAndGet(batch.size());
    for (Notification n : notifications(root, batch, clock.instant())) {
      for (Integration integration : receivers.getOrDefault(n.receiver(), List.of())) {
        notifications.incrementAndGet();
        try {
          integration.deliver(n);
        } catch (RuntimeException e) {
          failed.incrementAndGet();
          LOG.error("Notification to receiver {} for group {} failed", n.receiver(), n.groupKey(), e);
        }
      }
    }
  }

  /**
   * The notifications for a batch of alerts at a time, in route-tree order and then by group
   * labels; alerts in a group are sorted by labels, and an alert sent twice in one batch counts
   * once (its last state wins).
   */
  public static List<Notification> notifications(Route root, List<OutgoingAlert> alerts, Instant now) {
    Map<Route, Map<Labels, Map<Labels, OutgoingAlert>>> groups =
        new TreeMap<>(Comparator.comparingInt(Route::index));
    for (OutgoingAlert a : alerts) {
      for (Route r : root.match(a.labels())) {
        groups.computeIfAbsent(r, k -> new TreeMap<>())
            .computeIfAbsent(r.groupBy().groupLabels(a.labels()), k -> new TreeMap<>())
            .put(a.labels(), a);
      }
    }
    List<Notification> out = new ArrayList<>();
    groups.forEach((route, byGroup) -> byGroup.forEach((groupLabels, byLabels) -> out.add(new Notification(
        route.receiver(), route.key() + ":" + groupLabels, groupLabels, List.copyOf(byLabels.values()), now))));
    return out;
  }

  /** The router's counters. */
  public RouterStats stats() {
    AlertQueue q = worker.queue();
    return new RouterStats(received.get(), notifications.get(), failed.get(), q.dropped(), q.size());
  }

  @Override
  public void close(Duration deadline) {
    QueueWorker.closeAll(List.of(worker), deadline);
  }
}
