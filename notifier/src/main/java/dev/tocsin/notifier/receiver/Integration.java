package dev.tocsin.notifier.receiver;

/**
 * Delivers notifications one way (console, webhook, email); a receiver has one or more. Called on
 * the router's thread; an exception counts as a failed notification and affects no other.
 */
public interface Integration {
  /** Delivers one notification. */
  void deliver(Notification notification);
}
