package dev.tocsin.notifier.receiver;

import java.time.Instant;

/**
 * Delivers notifications one way (console, webhook, email); a receiver has one or more. Called on
 * the integration's own delivery thread; an exception counts as a failed notification and affects
 * no other.
 */
public interface Integration {
  /** The integration's type as Alertmanager's metrics name it: {@code webhook}, {@code email}, {@code log}. */
  String name();

  /** Delivers one notification. */
  void deliver(Notification notification);

  /**
   * Delivers one notification, retrying failures that may pass (as Alertmanager does) until
   * {@code deadline}, after which the router gives up on this flush; integrations without retries
   * deliver once.
   */
  default void deliver(Notification notification, Instant deadline) {
    deliver(notification);
  }

  /**
   * Whether resolved alerts are sent ({@code send_resolved}). When false the router hands over
   * only the firing alerts and sends nothing when none fire, recording the resolution all the same.
   */
  default boolean sendResolved() {
    return true;
  }
}
