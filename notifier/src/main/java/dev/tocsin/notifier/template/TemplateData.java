package dev.tocsin.notifier.template;

import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.notifier.receiver.Notification;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Alertmanager 0.25's {@code template.Data}, the dot of notification templates: {@code .Receiver},
 * {@code .Status}, {@code .Alerts}, {@code .GroupLabels}, {@code .CommonLabels}, {@code
 * .CommonAnnotations} and {@code .ExternalURL}.
 *
 * @param receiver the receiver name, regexp-quoted as Alertmanager quotes it
 * @param status {@code firing} when any alert fires, else {@code resolved}
 * @param alerts the alerts
 * @param groupLabels the group's labels
 * @param commonLabels the labels every alert has with the same value
 * @param commonAnnotations the annotations every alert has with the same value
 * @param externalURL the URL of the sender (for Tocsin, its external URL)
 */
public record TemplateData(String receiver, String status, TemplateAlerts alerts, GoMap groupLabels,
    GoMap commonLabels, GoMap commonAnnotations, String externalURL) implements GoStruct {

  private static final List<String> FIELDS = List.of("Receiver", "Status", "Alerts", "GroupLabels", "CommonLabels",
      "CommonAnnotations", "ExternalURL");
  private static final Pattern REGEXP_META = Pattern.compile("[\\\\.+*?()|\\[\\]{}^$]");

  /** The template data of a notification. */
  public static TemplateData of(Notification n, String externalURL) {
    List<TemplateAlert> alerts = new ArrayList<>(n.alerts().size());
    for (OutgoingAlert a : n.alerts()) {
      alerts.add(TemplateAlert.of(a, n));
    }
    // Alertmanager quotes regexp metacharacters in the receiver name (Go's regexp.QuoteMeta).
    String receiver = REGEXP_META.matcher(n.receiver()).replaceAll("\\\\$0");
    return new TemplateData(receiver, n.status().text(), new TemplateAlerts(alerts), KeyValues.of(n.groupLabels()),
        KeyValues.of(GroupData.commonLabels(n.alerts())), KeyValues.of(GroupData.commonAnnotations(n.alerts())),
        externalURL == null ? "" : externalURL);
  }

  @Override
  public String goType() {
    return "*template.Data";
  }

  @Override
  public boolean isPointer() {
    return true;
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Receiver" -> receiver;
      case "Status" -> status;
      case "Alerts" -> alerts;
      case "GroupLabels" -> groupLabels;
      case "CommonLabels" -> commonLabels;
      case "CommonAnnotations" -> commonAnnotations;
      case "ExternalURL" -> externalURL;
      default -> ABSENT;
    };
  }

  @Override
  public List<Object> fieldValues() {
    return List.of(receiver, status, alerts, groupLabels, commonLabels, commonAnnotations, externalURL);
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }
}
