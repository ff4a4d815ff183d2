package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * The order in which Alertmanager lists a group's alerts in a notification (its {@code
 * AlertSlice}): by {@code job}, then {@code instance} (an alert lacking the label goes after one
 * that has it), then label sets with fewer labels first, then by the first differing value over
 * the union of names, where a set lacking the name goes first.
 */
final class AlertOrder implements Comparator<OutgoingAlert> {
  static final AlertOrder INSTANCE = new AlertOrder();
  private static final String[] FIRST_KEYS = {"job", "instance"};

  @Override
  public int compare(OutgoingAlert a, OutgoingAlert b) {
    for (String key : FIRST_KEYS) {
      String x = a.labels().get(key);
      String y = b.labels().get(key);
      if (x == null && y == null) {
        continue;
      }
      if (x == null) {
        return 1;
      }
      if (y == null) {
        return -1;
      }
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return compareSets(a.labels(), b.labels());
  }

  static int compareSets(Labels a, Labels b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    TreeSet<String> names = new TreeSet<>(a.names());
    names.addAll(b.names());
    for (String n : names) {
      String x = a.get(n);
      String y = b.get(n);
      if (x == null) {
        return -1;
      }
      if (y == null) {
        return 1;
      }
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
