package dev.tocsin.engine.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes input series in promtool's expanding notation so that instant lookback and counter
 * extrapolation behave the same in promtool 2.42 and Prometheus 3.x (see {@link CaseGenerator}).
 */
final class SeriesNotation {
  private final Random rnd;
  private final int g;
  private final int horizon;

  /** Series for a test with input interval {@code g} seconds and checks up to {@code horizon} seconds. */
  SeriesNotation(Random rnd, int g, int horizon) {
    this.rnd = rnd;
    this.g = g;
    this.horizon = horizon;
  }

  private boolean chance(int oneIn) {
    return rnd.nextInt(oneIn) == 0;
  }

  /** Expanding notation for one counter or gauge series covering the whole test. */
  String values(boolean counter) {
    int slots = horizon / g + 2;
    int maxGap = 300 / g - 1; // k missing slots put (k+1)*g seconds between two samples
    List<String> tokens = new ArrayList<>();
    int pos = 0;
    boolean afterValue = false; // the last written sample is a real value (not stale, not none)
    int lastValueSlot = -1;
    boolean lastIsGap = false;
    if (chance(5)) {
      int k = 1 + rnd.nextInt(Math.max(1, slots / 3));
      tokens.add(gap(k));
      pos += k;
      lastIsGap = true;
    }
    boolean reset = counter && chance(4);
    long v = counter ? (reset ? 20000 + rnd.nextInt(40000) : 1000 + rnd.nextInt(4000)) : rnd.nextInt(101);
    boolean resetPending = reset;
    int target = chance(5) ? slots / 2 + rnd.nextInt(slots / 2) : slots;
    while (pos < target) {
      int choice = rnd.nextInt(12);
      if (choice == 0 && afterValue && !lastIsGap && maxGap >= 1) {
        // A sample off the minute grid may be followed by any pause: no rule evaluation (and no
        // off-grid expression check) is ever exactly 5m after it, so the series ages out of the
        // lookback the same way in 2.42 and 3.x.
        int k = offMinute(lastValueSlot) && rnd.nextBoolean() ? 1 + rnd.nextInt(Math.max(1, slots / 2))
            : 1 + rnd.nextInt(maxGap);
        tokens.add(gap(k));
        pos += k;
        lastIsGap = true;
      } else if (choice == 1 && afterValue) {
        tokens.add("stale");
        pos++;
        afterValue = false;
        lastIsGap = false;
        if (rnd.nextBoolean()) {
          int k = 1 + rnd.nextInt(Math.max(1, slots / 2)); // any length: nothing precedes it but stale
          tokens.add(gap(k));
          pos += k;
          lastIsGap = true;
        }
      } else {
        int n = rnd.nextInt(6);
        if (counter) {
          if (resetPending && pos > slots / 3 && chance(2)) {
            v = 1000 + rnd.nextInt(2000);
            resetPending = false;
          }
          int inc = rnd.nextInt(g + 1); // at most 1/s
          tokens.add(n == 0 ? Long.toString(v) : v + "+" + inc + "x" + n);
          v += (long) inc * (n + 1);
        } else {
          int b = rnd.nextInt(6);
          boolean down = rnd.nextBoolean() && v - (long) b * n >= 0;
          if (n == 0) {
            tokens.add(v % 10 == 0 && v > 0 && chance(3) ? v / 10 + "e1" : Long.toString(v));
          } else if (chance(6)) {
            // Quarter steps are exact in binary, so == and Kahan-summed means stay exact too.
            tokens.add(v + ".25+0.25x" + n);
          } else if (b == 0) {
            tokens.add(v + "x" + n);
          } else {
            tokens.add(v + (down ? "-" : "+") + b + "x" + n);
          }
          v = down ? v - (long) b * n : v + (long) b * n;
          if (v > 150) {
            v = rnd.nextInt(101);
          } else {
            v = Math.max(0, v + rnd.nextInt(11) - 5);
          }
        }
        lastValueSlot = pos + n;
        pos += n + 1;
        afterValue = true;
        lastIsGap = false;
      }
    }
    if (afterValue && (lastIsGap || target < slots) && !(offMinute(lastValueSlot) && rnd.nextBoolean())) {
      tokens.add("stale"); // a series that stops before the end stops with a stale marker
    }
    return String.join(" ", tokens);
  }

  private boolean offMinute(int slot) {
    return slot >= 0 && slot * g % CaseGenerator.EVAL != 0;
  }

  private static String gap(int k) {
    return k == 1 ? "_" : "_x" + k;
  }
}
