package dev.tocsin.notifier.config;

/**
 * One way of delivering a receiver's notifications that Tocsin implements: its own {@code
 * log_configs} and Alertmanager's {@code webhook_configs} and {@code email_configs}.
 */
public sealed interface IntegrationConfig permits LogConfig, WebhookConfig, EmailConfig {
  /** Whether resolved notifications are delivered too. */
  boolean sendResolved();
}
