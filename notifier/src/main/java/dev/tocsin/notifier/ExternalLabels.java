package dev.tocsin.notifier;

import dev.tocsin.model.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a ruler's external labels to outgoing alerts the way Prometheus' notifier does: a label is
 * added only when the alert lacks it or has it with an empty value, so the rule's own labels win.
 */
public final class ExternalLabels {
  private ExternalLabels() {}

  /** The alert with the external labels it lacks added; the same instance when none are missing. */
  public static OutgoingAlert apply(OutgoingAlert alert, Labels external) {
    if (external.isEmpty()) {
      return alert;
    }
    Labels labels = alert.labels();
    Labels.Builder b = null;
    for (int i = 0; i < external.size(); i++) {
      String name = external.name(i);
      String value = external.value(i);
      if (!value.isEmpty() && labels.getOrEmpty(name).isEmpty()) {
        if (b == null) {
          b = labels.toBuilder();
        }
        b.put(name, value);
      }
    }
    if (b == null) {
      return alert;
    }
    return new OutgoingAlert(b.build(), alert.annotations(), alert.startsAt(), alert.endsAt(), alert.generatorUrl(),
        alert.evaluationId());
  }

  /** Every alert of a list with the external labels it lacks added; an immutable list. */
  public static List<OutgoingAlert> applyAll(List<OutgoingAlert> alerts, Labels external) {
    List<OutgoingAlert> out = new ArrayList<>(alerts.size());
    for (OutgoingAlert a : alerts) {
      out.add(apply(a, external));
    }
    return List.copyOf(out);
  }
}
