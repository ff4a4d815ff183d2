package dev.tocsin.notifier.template;

import dev.tocsin.model.Labels;
import java.nio.charset.StandardCharsets;

/**
 * Alertmanager's alert fingerprint (Prometheus' {@code model.LabelSet.Fingerprint}): 64-bit
 * FNV-1a over the labels sorted by name, each name and value followed by the byte 0xff, printed as
 * 16 hex digits.
 */
public final class AlertFingerprint {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  private AlertFingerprint() {}

  /** The fingerprint as Alertmanager prints it, e.g. {@code d8da8f2e9952176d}. */
  public static String of(Labels labels) {
    long h = OFFSET;
    // Labels are sorted by name already, which is the order the hash needs.
    for (int i = 0; i < labels.size(); i++) {
      h = add(h, labels.name(i));
      h = (h ^ SEPARATOR) * PRIME;
      h = add(h, labels.value(i));
      h = (h ^ SEPARATOR) * PRIME;
    }
    return String.format("%016x", h);
  }

  private static long add(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * PRIME;
    }
    return h;
  }
}
