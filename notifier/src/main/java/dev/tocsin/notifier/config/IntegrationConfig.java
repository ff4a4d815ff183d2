package dev.tocsin.notifier.config;

/**
 * One way of delivering a receiver's notifications that Tocsin implements: its own {@code
 * log_configs} and Alertmanager's {@code webhook_configs} (email joins when it is delivered).
 */
public sealed interface IntegrationConfig permits LogConfig, WebhookConfig {
  /** Whether resolved notifications are delivered too. */
  boolean sendResolved();
}
