package dev.tocsin.notifier.webhook;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.notifier.receiver.Notification;
import dev.tocsin.template.value.GoTime;
import java.util.List;

/**
 * The body Alertmanager 0.25's webhook receiver POSTs (message version 4), byte for byte: the
 * fields in Go's struct order, map keys sorted, Go's JSON string escaping (including {@code <},
 * {@code >} and {@code &} as {@code \u003c} and so on), the zero time as a firing alert's end, and
 * the trailing newline of Go's JSON encoder. {@code max_alerts} truncates the alerts before the
 * status and common labels are computed, as Alertmanager does.
 */
public final class WebhookPayload {
  /** Go's zero {@code time.Time} in JSON, Alertmanager's end time of a firing alert. */
  public static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private WebhookPayload() {}

  /** The JSON body for a notification under a receiver's {@code max_alerts} (0: no limit). */
  public static String json(Notification n, String externalUrl, int maxAlerts) {
    List<OutgoingAlert> alerts = n.alerts();
    int truncated = 0;
    if (maxAlerts > 0 && alerts.size() > maxAlerts) {
      truncated = alerts.size() - maxAlerts;
      alerts = alerts.subList(0, maxAlerts);
    }
    Notification shown = new Notification(n.receiver(), n.groupKey(), n.groupLabels(), alerts, n.time());
    StringBuilder sb = new StringBuilder(512 + 512 * alerts.size());
    sb.append("{\"receiver\":");
    string(sb, quoteMeta(n.receiver()));
    sb.append(",\"status\":");
    string(sb, shown.status().text());
    sb.append(",\"alerts\":[");
    for (int i = 0; i < alerts.size(); i++) {
      OutgoingAlert a = alerts.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"status\":");
      string(sb, shown.status(a).text());
      sb.append(",\"labels\":");
      map(sb, a.labels());
      sb.append(",\"annotations\":");
      map(sb, a.annotations());
      sb.append(",\"startsAt\":");
      string(sb, GoTime.rfc3339Nano(a.startsAt()));
      sb.append(",\"endsAt\":");
      string(sb, a.resolvedAt(n.time()) ? GoTime.rfc3339Nano(a.endsAt()) : ZERO_TIME);
      sb.append(",\"generatorURL\":");
      string(sb, a.generatorUrl());
      sb.append(",\"fingerprint\":");
      string(sb, GroupData.fingerprintText(a.labels()));
      sb.append('}');
    }
    sb.append("],\"groupLabels\":");
    map(sb, n.groupLabels());
    sb.append(",\"commonLabels\":");
    map(sb, GroupData.commonLabels(alerts));
    sb.append(",\"commonAnnotations\":");
    map(sb, GroupData.commonAnnotations(alerts));
    sb.append(",\"externalURL\":");
    string(sb, externalUrl);
    sb.append(",\"version\":\"4\",\"groupKey\":");
    string(sb, n.groupKey());
    sb.append(",\"truncatedAlerts\":").append(truncated).append("}\n");
    return sb.toString();
  }

  /** Alertmanager's template data quotes the receiver name as Go's {@code regexp.QuoteMeta} does. */
  static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static void map(StringBuilder sb, Labels labels) {
    sb.append('{');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, labels.name(i));
      sb.append(':');
      string(sb, labels.value(i));
    }
    sb.append('}');
  }

  /** A JSON string escaped as Go's encoding/json does with HTML escaping on. */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    int plain = 0;
    while (plain < s.length() && !escaped(s.charAt(plain))) {
      plain++;
    }
    sb.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (escaped(c)) {
            sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Whether Go writes the character other than as itself. */
  private static boolean escaped(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
  }
}
