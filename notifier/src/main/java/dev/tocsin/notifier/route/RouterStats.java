package dev.tocsin.notifier.route;

/**
 * Counters of the built-in router: alerts taken in, notifications handed to integrations, those
 * that failed, alerts dropped (queue overflow or shutdown deadline) and the queue's length.
 */
public record RouterStats(long received, long notifications, long failed, long dropped, int queueLength) {}
