package dev.tocsin.engine.web;

import dev.tocsin.engine.daemon.GroupKey;
import dev.tocsin.engine.daemon.GroupStatus;
import dev.tocsin.engine.daemon.RuleStatus;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.model.Labels;
import dev.tocsin.model.PromDuration;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.template.fmt.GoEscape;
import dev.tocsin.template.fmt.GoFloat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The HTML status page: active alerts first (state, labels, annotations, active since, a link to
 * the expression's source), then every group with its rules (language, expression, health, last
 * error, last evaluation). Plain HTML and CSS that refreshes itself; every value is escaped.
 */
final class StatusPage {
  /** Seconds between automatic reloads of the page. */
  static final int REFRESH_SECONDS = 10;

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
      header{background:#1d2330;color:#fff;padding:.7rem 1.2rem;display:flex;gap:1.5rem;align-items:baseline}
      header h1{font-size:1.2rem;margin:0}header a{color:#b8c4ff}main{padding:1rem 1.2rem}
      h2{font-size:1.05rem;margin:1.4rem 0 .5rem}h3{font-size:.95rem;margin:0 0 .4rem}
      table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1rem}
      th,td{border:1px solid #d9dce3;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.85rem}
      th{background:#eceef3}pre{margin:0;white-space:pre-wrap;word-break:break-word;font-size:.8rem}
      .lbl{display:inline-block;background:#e6e9f2;border-radius:3px;padding:0 .3rem;margin:.1rem;font-size:.78rem}
      .state{font-weight:600;text-transform:uppercase;font-size:.75rem;padding:.1rem .35rem;border-radius:3px}
      .firing{background:#d9363e;color:#fff}.pending{background:#f0a020;color:#1d2330}.inactive{background:#2f9e44;color:#fff}
      .ok{color:#2f9e44}.err{color:#d9363e;font-weight:600}.unknown{color:#6b7385}
      .group{background:#fff;border:1px solid #d9dce3;padding:.7rem;margin-bottom:1rem}
      .meta{color:#6b7385;font-size:.8rem;margin-bottom:.5rem}.none{color:#6b7385}
      dl{margin:0}dt{font-weight:600;font-size:.78rem}dd{margin:0 0 .3rem 0}
      """;

  private StatusPage() {}

  /**
   * Renders the page.
   *
   * @param groups the running groups
   * @param links the generatorURL of an alerting rule's alerts (may return {@code null})
   * @param now the current time, for the ages shown
   * @param group only this group, or {@code null} for all
   * @param rule only rules of this name, or {@code null} for all
   */
  static String render(List<GroupStatus> groups, BiFunction<GroupKey, AlertingRule, String> links, Instant now,
      String group, String rule) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>Tocsin</title><style>").append(CSS).append("</style></head><body>\n")
        .append("<header><h1>Tocsin</h1><a href=\"/\">Status</a><a href=\"/api/v1/alerts\">Alerts API</a>")
        .append("<a href=\"/api/v1/rules\">Rules API</a><a href=\"/metrics\">Metrics</a></header>\n<main>\n");
    List<GroupStatus> shown = new ArrayList<>();
    for (GroupStatus g : groups) {
      if (group == null || g.key().name().equals(group)) {
        shown.add(g);
      }
    }
    if (group != null || rule != null) {
      h.append("<p class=\"meta\">Showing group ").append(esc(group == null ? "(any)" : group)).append(", rule ")
          .append(esc(rule == null ? "(any)" : rule)).append(". <a href=\"/\">Show everything</a></p>\n");
    }
    alerts(h, shown, links, now, rule);
    h.append("<h2 id=\"groups\">Rule groups</h2>\n");
    if (shown.isEmpty()) {
      h.append("<p class=\"none\">No rule groups.</p>\n");
    }
    for (GroupStatus g : shown) {
      group(h, g, now, rule);
    }
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static void alerts(StringBuilder h, List<GroupStatus> groups,
      BiFunction<GroupKey, AlertingRule, String> links, Instant now, String ruleName) {
    h.append("<h2 id=\"alerts\">Active alerts</h2>\n");
    StringBuilder rows = new StringBuilder();
    int count = 0;
    for (GroupStatus g : groups) {
      for (RuleStatus r : g.rules()) {
        if (!(r.rule() instanceof AlertingRule a) || ruleName != null && !a.name().equals(ruleName)) {
          continue;
        }
        String link = r.alerts().isEmpty() ? null : links.apply(g.key(), a);
        for (Alert alert : r.alerts()) {
          count++;
          String state = alert.status().id();
          rows.append("<tr class=\"alert\"><td><span class=\"state ").append(esc(state)).append("\">")
              .append(esc(state)).append("</span></td><td class=\"alertname\">").append(esc(a.name()))
              .append("</td><td>").append(labels(alert.labels())).append("</td><td>")
              .append(annotations(alert.annotations())).append("</td><td>").append(since(alert.activeAt(), now))
              .append("</td><td>").append(esc(GoFloat.format(alert.value(), 'g', -1))).append("</td><td>");
          // Only web links: a page that may be shown to many people never carries a javascript: URL.
          if (link != null && (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("/"))) {
            rows.append("<a class=\"source\" href=\"").append(esc(link)).append("\">source</a>");
          }
          rows.append("</td></tr>\n");
        }
      }
    }
    if (count == 0) {
      h.append("<p class=\"none\">No active alerts.</p>\n");
      return;
    }
    h.append("<table class=\"alerts\"><thead><tr><th>State</th><th>Alert</th><th>Labels</th><th>Annotations</th>")
        .append("<th>Active since</th><th>Value</th><th>Source</th></tr></thead><tbody>\n").append(rows)
        .append("</tbody></table>\n");
  }

  private static void group(StringBuilder h, GroupStatus g, Instant now, String ruleName) {
    h.append("<section class=\"group\"><h3>").append(esc(g.key().name())).append("</h3><div class=\"meta\">")
        .append(esc(g.key().file())).append(" · every ").append(esc(duration(g.interval())))
        .append(" · last evaluation ").append(g.lastEvaluation() == null ? "never" : since(g.lastEvaluation(), now))
        .append(" · took ").append(esc(millis(g.evaluationTime()))).append("</div>\n")
        .append("<table class=\"rules\"><thead><tr><th>Rule</th><th>Language</th><th>Expression</th><th>State</th>")
        .append("<th>Health</th><th>Last error</th><th>Last evaluation</th><th>Took</th></tr></thead><tbody>\n");
    for (RuleStatus r : g.rules()) {
      if (ruleName != null && !r.rule().name().equals(ruleName)) {
        continue;
      }
      boolean alerting = r.rule() instanceof AlertingRule;
      String health = r.health().id();
      h.append("<tr class=\"rule\"><td>").append(alerting ? "alert: " : "record: ").append(esc(r.rule().name()))
          .append("</td><td>").append(esc(r.rule().query().language().id())).append("</td><td><pre>")
          .append(esc(r.rule().query().text())).append("</pre></td><td>");
      if (alerting) {
        String state = r.state().id();
        h.append("<span class=\"state ").append(esc(state)).append("\">").append(esc(state)).append("</span>");
      }
      h.append("</td><td class=\"").append(esc(health)).append("\">").append(esc(health)).append("</td><td>")
          .append(r.lastError() == null ? "" : "<pre class=\"err\">" + esc(r.lastError()) + "</pre>").append("</td><td>")
          .append(r.lastEvaluation() == null ? "never" : since(r.lastEvaluation(), now)).append("</td><td>")
          .append(esc(millis(r.evaluationTime()))).append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static String labels(Labels labels) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      b.append("<span class=\"lbl\">").append(esc(labels.name(i))).append("=\"").append(esc(labels.value(i)))
          .append("\"</span> ");
    }
    return b.toString();
  }

  private static String annotations(Labels annotations) {
    if (annotations.size() == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder("<dl>");
    for (int i = 0; i < annotations.size(); i++) {
      b.append("<dt>").append(esc(annotations.name(i))).append("</dt><dd>").append(esc(annotations.value(i)))
          .append("</dd>");
    }
    return b.append("</dl>").toString();
  }

  /** A timestamp with its age: {@code 2026-01-02T03:04:05Z (1m30s ago)}. */
  private static String since(Instant t, Instant now) {
    Duration age = Duration.between(t, now);
    String when = DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    return "<time datetime=\"" + esc(when) + "\">" + esc(when) + "</time> (" + esc(duration(age.isNegative()
        ? Duration.ZERO : age.truncatedTo(ChronoUnit.SECONDS))) + " ago)";
  }

  private static String duration(Duration d) {
    return PromDuration.format(d);
  }

  private static String millis(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3fms", d.toNanos() / 1e6);
  }

  /** Escapes text for HTML element content and quoted attribute values, as Go's html/template does. */
  static String esc(String s) {
    return GoEscape.html(s);
  }
}
