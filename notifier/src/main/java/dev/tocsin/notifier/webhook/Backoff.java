package dev.tocsin.notifier.webhook;

import java.time.Duration;

/**
 * The waits between attempts of a failed notification: starting at 500 ms and growing by half
 * each time up to 30 s, like the exponential backoff Alertmanager's retry stage uses (without its
 * random jitter, so tests can check the waits).
 */
public final class Backoff {
  private static final Duration FIRST = Duration.ofMillis(500);
  private static final Duration MAX = Duration.ofSeconds(30);

  /** Sleeps; replaced in tests so that no test waits in real time. */
  public interface Sleeper {
    /** Waits for a duration. */
    void sleep(Duration d) throws InterruptedException;
  }

  /** Sleeps on the calling thread. */
  public static final Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

  private Backoff() {}

  /** The wait before attempt {@code attempt + 1} (attempts count from 1). */
  public static Duration after(int attempt) {
    double ms = FIRST.toMillis() * Math.pow(1.5, Math.max(0, attempt - 1));
    return ms >= MAX.toMillis() ? MAX : Duration.ofMillis((long) ms);
  }
}
