package dev.tocsin.notifier.config;

/**
 * Tocsin's {@code log_configs} receiver type: prints one console line per notification. {@code
 * send_resolved} defaults to true.
 */
public record LogConfig(boolean sendResolved) implements IntegrationConfig {}
