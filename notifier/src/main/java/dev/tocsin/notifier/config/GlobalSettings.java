package dev.tocsin.notifier.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code global:} settings Tocsin uses: {@code resolve_timeout} (default 5m) and the plain
 * {@code smtp_*} values (defaults for email receivers, e.g. {@code smtp_hello: localhost}).
 */
public record GlobalSettings(Duration resolveTimeout, Map<String, String> smtp) {
  /** Alertmanager's default {@code resolve_timeout}. */
  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);

  public GlobalSettings {
    Objects.requireNonNull(resolveTimeout, "resolveTimeout is null");
    smtp = Map.copyOf(smtp);
  }
}
