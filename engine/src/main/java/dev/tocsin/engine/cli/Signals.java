package dev.tocsin.engine.cli;

/** Operating-system signals the daemon reacts to: SIGHUP reloads, as in Prometheus. */
final class Signals {
  private Signals() {}

  /** Runs {@code action} on each SIGHUP; does nothing where the JVM does not offer the signal. */
  @SuppressWarnings("removal")
  static void onHangup(Runnable action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), s -> action.run());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // Windows, or a JVM started with -Xrs: reload stays available through /-/reload.
    }
  }
}
