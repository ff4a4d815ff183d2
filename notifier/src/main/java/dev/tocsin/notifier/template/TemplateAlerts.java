package dev.tocsin.notifier.template;

import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoStruct;
import java.util.AbstractList;
import java.util.List;

/**
 * Alertmanager's {@code template.Alerts}: the notification's alerts, which templates range over,
 * with the methods {@code Firing} and {@code Resolved} returning the subsets as plain {@code
 * []template.Alert} slices.
 */
public final class TemplateAlerts extends AbstractList<Object> implements GoStruct {
  private static final String ALERT_SLICE = "[]template.Alert";

  private final List<TemplateAlert> alerts;

  public TemplateAlerts(List<TemplateAlert> alerts) {
    this.alerts = List.copyOf(alerts);
  }

  @Override
  public Object get(int index) {
    return alerts.get(index);
  }

  @Override
  public int size() {
    return alerts.size();
  }

  @Override
  public String goType() {
    return "template.Alerts";
  }

  @Override
  public Object field(String name) {
    return ABSENT;
  }

  @Override
  public List<Object> fieldValues() {
    return List.copyOf(alerts);
  }

  @Override
  public Object method(String name, List<Object> args) {
    if (!args.isEmpty()) {
      return ABSENT;
    }
    return switch (name) {
      case "Firing" -> withStatus("firing");
      case "Resolved" -> withStatus("resolved");
      default -> ABSENT;
    };
  }

  private GoSlice withStatus(String status) {
    return new GoSlice(ALERT_SLICE, alerts.stream().filter(a -> a.status().equals(status)).map(a -> (Object) a)
        .toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateAlerts other && alerts.equals(other.alerts);
  }

  @Override
  public int hashCode() {
    return alerts.hashCode();
  }
}
