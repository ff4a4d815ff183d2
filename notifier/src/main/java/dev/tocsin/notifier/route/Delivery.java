package dev.tocsin.notifier.route;

import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.Notification;
import java.time.Instant;
import java.util.Set;

/**
 * One notification the {@link Dispatcher} decided to send to one integration at a flush, to be
 * run by {@link Dispatcher#run} (on any thread) before {@code deadline}, the next flush of its
 * group; {@code integrationKey} is {@code receiver/index}.
 */
public final class Delivery {
  private final String integrationKey;
  private final Integration integration;
  private final Notification notification;
  private final Instant deadline;
  final Set<Long> firing;
  final Set<Long> resolved;
  final Dispatcher.Flush flush;

  Delivery(String integrationKey, Integration integration, Notification notification, Instant deadline,
      Set<Long> firing, Set<Long> resolved, Dispatcher.Flush flush) {
    this.integrationKey = integrationKey;
    this.integration = integration;
    this.notification = notification;
    this.deadline = deadline;
    this.firing = Set.copyOf(firing);
    this.resolved = Set.copyOf(resolved);
    this.flush = flush;
  }

  /** The integration's key, {@code receiver/index}. */
  public String integrationKey() {
    return integrationKey;
  }

  /** The integration that delivers it. */
  public Integration integration() {
    return integration;
  }

  /** What is sent. */
  public Notification notification() {
    return notification;
  }

  /** When retries stop. */
  public Instant deadline() {
    return deadline;
  }
}
