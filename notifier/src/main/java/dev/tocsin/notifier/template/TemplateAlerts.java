package dev.tocsin.notifier.template;

import dev.tocsin.template.value.GoSlice;
import java.util.List;

/**
 * Alertmanager's {@code template.Alerts}: the notification's alerts, which templates range over,
 * with the methods {@code Firing} and {@code Resolved} returning the subsets as plain {@code
 * []template.Alert} slices.
 */
public final class TemplateAlerts extends MethodSlice<TemplateAlert> {
  private static final String ALERT_SLICE = "[]template.Alert";

  public TemplateAlerts(List<TemplateAlert> alerts) {
    super(alerts);
  }

  @Override
  public String goType() {
    return "template.Alerts";
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
    return new GoSlice(ALERT_SLICE, items().stream().filter(a -> a.status().equals(status)).map(a -> (Object) a)
        .toList());
  }
}
