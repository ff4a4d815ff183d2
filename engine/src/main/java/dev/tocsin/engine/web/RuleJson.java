package dev.tocsin.engine.web;

import java.nio.charset.StandardCharsets;

/**
 * One rule's object of {@code /api/v1/rules} as UTF-8, with the span of its {@code alerts} list's
 * elements, so the same bytes serve a rule with its alerts, without them ({@code exclude_alerts}),
 * and {@code /api/v1/alerts}.
 */
final class RuleJson {
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private final byte[] json;
  /** Byte offsets of the alerts between {@code [} and {@code ]}; both -1 for a recording rule. */
  private final int alertsStart;
  private final int alertsEnd;

  RuleJson(byte[] json, int alertsStart, int alertsEnd) {
    this.json = json;
    this.alertsStart = alertsStart;
    this.alertsEnd = alertsEnd;
  }

  /** Appends the rule's object; without its alerts the list is {@code null}, as Prometheus leaves it. */
  void writeTo(JsonBytes out, boolean excludeAlerts) {
    if (!excludeAlerts || alertsStart < 0) {
      out.append(json);
      return;
    }
    out.append(json, 0, alertsStart - 1).append(NULL).append(json, alertsEnd + 1, json.length - alertsEnd - 1);
  }

  /** Whether the rule has active alerts. */
  boolean hasAlerts() {
    return alertsEnd > alertsStart;
  }

  /** Appends the alert objects, comma-separated, without brackets. */
  void writeAlertsTo(JsonBytes out) {
    out.append(json, alertsStart, alertsEnd - alertsStart);
  }

  /** The bytes held, for the cache's size. */
  int size() {
    return json.length;
  }
}
