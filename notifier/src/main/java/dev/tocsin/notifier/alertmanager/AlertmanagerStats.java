package dev.tocsin.notifier.alertmanager;

/**
 * Counters of one Alertmanager, named after Prometheus' {@code prometheus_notifications_*}
 * metrics: alerts sent successfully, alerts in failed requests ({@code errors}), alerts dropped
 * (queue overflow, failed requests and the shutdown deadline), and the queue's length and capacity.
 */
public record AlertmanagerStats(String url, long sent, long errors, long dropped, int queueLength, int queueCapacity) {}
