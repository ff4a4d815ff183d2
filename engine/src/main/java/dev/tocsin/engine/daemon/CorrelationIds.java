package dev.tocsin.engine.daemon;

import java.util.concurrent.ThreadLocalRandom;

/** Random 64-bit correlation ids in hex, one per group evaluation or outgoing request. */
public final class CorrelationIds {
  private CorrelationIds() {}

  /** A new id: 16 lower-case hex digits. */
  public static String next() {
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }
}
