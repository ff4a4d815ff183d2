package dev.tocsin.notifier.config;

/**
 * One way of delivering a receiver's notifications that Tocsin implements. Only Tocsin's own
 * {@code log_configs} exists so far; webhook and email configurations join this hierarchy when they
 * are delivered.
 */
public sealed interface IntegrationConfig permits LogConfig, EmailConfig {
  /** Whether resolved notifications are delivered too. */
  boolean sendResolved();
}
