package dev.tocsin.notifier;

import java.time.Duration;
import java.util.List;

/**
 * Takes alerts to deliver: an Alertmanager client or Tocsin's built-in router. {@link #send} never
 * blocks on the network; delivery happens on the notifier's own threads.
 */
public interface Notifier extends AutoCloseable {
  /** Queues alerts for delivery. */
  void send(List<OutgoingAlert> alerts);

  /** Delivers what is queued within {@code deadline}, then stops; later sends are dropped. */
  void close(Duration deadline);

  @Override
  default void close() {
    close(Duration.ofSeconds(5));
  }
}
