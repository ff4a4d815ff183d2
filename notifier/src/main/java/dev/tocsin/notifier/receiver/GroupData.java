package dev.tocsin.notifier.receiver;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The values Alertmanager derives from a notification's alerts for its payloads and templates:
 * each alert's fingerprint (prometheus/common's {@code LabelSet.Fingerprint}: FNV-1a 64 over the
 * sorted label names and values, each followed by the byte 0xff, printed as 16 hex digits) and
 * the labels and annotations all alerts share.
 */
public final class GroupData {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private GroupData() {}

  /** Alertmanager's fingerprint of a label set. */
  public static long fingerprint(Labels labels) {
    long h = FNV_OFFSET;
    for (int i = 0; i < labels.size(); i++) {
      h = add(h, labels.name(i));
      h = (h ^ SEPARATOR) * FNV_PRIME;
      h = add(h, labels.value(i));
      h = (h ^ SEPARATOR) * FNV_PRIME;
    }
    return h;
  }

  /** The fingerprint as Alertmanager prints it: 16 lower-case hex digits. */
  public static String fingerprintText(Labels labels) {
    return hex(fingerprint(labels));
  }

  /** A fingerprint as 16 lower-case hex digits. */
  public static String hex(long fingerprint) {
    byte[] digits = new byte[16];
    long rest = fingerprint;
    for (int i = 15; i >= 0; i--) {
      digits[i] = HEX[(int) (rest & 0xf)];
      rest >>>= 4;
    }
    return new String(digits, StandardCharsets.ISO_8859_1);
  }

  private static long add(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return addUtf8(h, s);
      }
    }
    // ASCII, the usual case, is its own UTF-8: hashed without encoding the string.
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  private static long addUtf8(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }

  /** The labels every alert has with the same value; empty for no alerts. */
  public static Labels commonLabels(List<OutgoingAlert> alerts) {
    return common(alerts, true);
  }

  /** The annotations every alert has with the same value; empty for no alerts. */
  public static Labels commonAnnotations(List<OutgoingAlert> alerts) {
    return common(alerts, false);
  }

  private static Labels common(List<OutgoingAlert> alerts, boolean labels) {
    if (alerts.isEmpty()) {
      return Labels.EMPTY;
    }
    Labels first = labels ? alerts.get(0).labels() : alerts.get(0).annotations();
    Labels.Builder b = Labels.builder();
    for (int i = 0; i < first.size(); i++) {
      String name = first.name(i);
      String value = first.value(i);
      boolean shared = true;
      for (int j = 1; j < alerts.size() && shared; j++) {
        Labels other = labels ? alerts.get(j).labels() : alerts.get(j).annotations();
        shared = value.equals(other.get(name));
      }
      if (shared) {
        b.put(name, value);
      }
    }
    return b.build();
  }
}
