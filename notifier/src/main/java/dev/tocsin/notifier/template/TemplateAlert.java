package dev.tocsin.notifier.template;

import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.notifier.receiver.Notification;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoStruct;
import java.util.List;

/**
 * Alertmanager's {@code template.Alert}: one alert as notification templates see it ({@code
 * .Status}, {@code .Labels}, {@code .Annotations}, {@code .StartsAt}, {@code .EndsAt}, {@code
 * .GeneratorURL}, {@code .Fingerprint}).
 *
 * @param status {@code firing} or {@code resolved}
 * @param labels the labels, a {@code template.KV}
 * @param annotations the annotations, a {@code template.KV}
 * @param startsAt when the alert started firing
 * @param endsAt when it resolved; Go's zero time for a firing alert, as Alertmanager hides a
 *     firing alert's validity limit
 * @param generatorURL the link to the alert's source
 * @param fingerprint Alertmanager's fingerprint of the labels
 */
public record TemplateAlert(String status, GoMap labels, GoMap annotations, TemplateTime startsAt,
    TemplateTime endsAt, String generatorURL, String fingerprint) implements GoStruct {

  private static final List<String> FIELDS =
      List.of("Status", "Labels", "Annotations", "StartsAt", "EndsAt", "GeneratorURL", "Fingerprint");

  /** The template view of an alert in a notification. */
  public static TemplateAlert of(OutgoingAlert alert, Notification notification) {
    Notification.Status status = notification.status(alert);
    return new TemplateAlert(status.text(), KeyValues.of(alert.labels()), KeyValues.of(alert.annotations()),
        TemplateTime.of(alert.startsAt()),
        TemplateTime.of(status == Notification.Status.RESOLVED ? alert.endsAt() : null),
        alert.generatorUrl(), GroupData.fingerprintText(alert.labels()));
  }

  @Override
  public String goType() {
    return "template.Alert";
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Status" -> status;
      case "Labels" -> labels;
      case "Annotations" -> annotations;
      case "StartsAt" -> startsAt;
      case "EndsAt" -> endsAt;
      case "GeneratorURL" -> generatorURL;
      case "Fingerprint" -> fingerprint;
      default -> ABSENT;
    };
  }

  @Override
  public List<Object> fieldValues() {
    return List.of(status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint);
  }

  @Override
  public List<String> fieldNames() {
    return FIELDS;
  }
}
