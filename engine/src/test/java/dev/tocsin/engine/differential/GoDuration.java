package dev.tocsin.engine.differential;

/** Formats whole seconds the way Prometheus' {@code model.Duration} prints them ({@code 0s}, {@code 3m10s}, {@code 1h5m}). */
final class GoDuration {
  private GoDuration() {}

  static String of(int seconds) {
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    int h = seconds / 3600;
    int m = seconds % 3600 / 60;
    int s = seconds % 60;
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0) {
      b.append(m).append('m');
    }
    if (s > 0) {
      b.append(s).append('s');
    }
    return b.toString();
  }
}
