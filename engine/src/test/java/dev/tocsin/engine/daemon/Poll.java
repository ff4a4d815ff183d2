package dev.tocsin.engine.daemon;

import java.time.Duration;
import java.util.function.Predicate;

/** Polls a probe until its value satisfies a condition, failing with the last value at a deadline. */
final class Poll {
  private static final long PAUSE_MILLIS = 200;

  private Poll() {}

  /** Something to look at that may fail for now, for example a server still starting. */
  interface Probe<T> {
    T get() throws Exception;
  }

  /**
   * The first value of {@code probe} that satisfies {@code done} within {@code timeout}.
   *
   * @throws AssertionError naming {@code what} and showing the last value or failure otherwise
   */
  static <T> T until(String what, Duration timeout, Probe<T> probe, Predicate<? super T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last;
    while (true) {
      try {
        T value = probe.get();
        if (done.test(value)) {
          return value;
        }
        last = value;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout + "; last seen: " + last);
      }
      Thread.sleep(PAUSE_MILLIS);
    }
  }
}
