package dev.tocsin.engine.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tocsin.engine.daemon.GroupStatus;
import dev.tocsin.engine.daemon.RuleStatus;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.model.Labels;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.RecordingRule;
import dev.tocsin.template.fmt.GoFloat;
import dev.tocsin.template.value.GoTime;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of Prometheus' {@code /api/v1/rules} and {@code /api/v1/alerts}, key for key, plus
 * Tocsin's {@code language} field on each rule.
 */
final class RulesApi {
  private static final JsonFactory JSON = new JsonFactory();

  RulesApi() {}

  /**
   * The rule groups the filter keeps, as Prometheus 3.x pages them: groups left without rules are
   * dropped, and with a {@code group_limit} the response names the group the next page starts at.
   *
   * @throws ApiQuery.BadQueryException when {@code group_next_token} names no group
   */
  static String rules(List<GroupStatus> groups, RulesFilter filter) throws ApiQuery.BadQueryException {
    List<GroupStatus> page = new ArrayList<>();
    List<List<RuleStatus>> pageRules = new ArrayList<>();
    String nextToken = null;
    boolean foundToken = filter.nextToken().isEmpty();
    for (GroupStatus group : groups) {
      if (!foundToken) {
        if (!filter.nextToken().equals(RulesFilter.token(group))) {
          continue;
        }
        foundToken = true;
      }
      if (!filter.keepsGroup(group)) {
        continue;
      }
      List<RuleStatus> kept = group.rules().stream().filter(filter::keepsRule).toList();
      if (kept.isEmpty()) {
        continue;
      }
      if (filter.groupLimit() > 0 && page.size() == filter.groupLimit()) {
        nextToken = RulesFilter.token(group);
        break;
      }
      page.add(group);
      pageRules.add(kept);
    }
    if (!foundToken) {
      throw new ApiQuery.BadQueryException("invalid parameter \"group_next_token\": invalid group_next_token '"
          + filter.nextToken() + "'. were rule groups changed?");
    }
    String token = nextToken;
    return write(g -> {
      g.writeArrayFieldStart("groups");
      for (int i = 0; i < page.size(); i++) {
        GroupStatus group = page.get(i);
        g.writeStartObject();
        g.writeStringField("name", group.key().name());
        g.writeStringField("file", group.key().file());
        g.writeArrayFieldStart("rules");
        for (RuleStatus r : pageRules.get(i)) {
          rule(g, r, filter.excludeAlerts());
        }
        g.writeEndArray();
        g.writeNumberField("interval", seconds(group.interval()));
        g.writeNumberField("limit", group.group().limit());
        g.writeNumberField("evaluationTime", seconds(group.evaluationTime()));
        g.writeStringField("lastEvaluation", time(group.lastEvaluation()));
        g.writeEndObject();
      }
      g.writeEndArray();
      if (token != null) {
        g.writeStringField("groupNextToken", token);
      }
    });
  }

  /** Every active alert of every alerting rule, as {@code /api/v1/alerts} lists them. */
  static String alerts(List<GroupStatus> groups) {
    return write(g -> {
      g.writeArrayFieldStart("alerts");
      for (GroupStatus group : groups) {
        for (RuleStatus r : group.rules()) {
          for (Alert a : r.alerts()) {
            alert(g, a);
          }
        }
      }
      g.writeEndArray();
    });
  }

  private static void rule(JsonGenerator g, RuleStatus r, boolean excludeAlerts) throws IOException {
    g.writeStartObject();
    if (r.rule() instanceof AlertingRule a) {
      g.writeStringField("state", r.state().id());
      g.writeStringField("name", a.name());
      g.writeStringField("query", a.query().text());
      g.writeNumberField("duration", seconds(a.holdDuration()));
      g.writeNumberField("keepFiringFor", seconds(a.keepFiringFor()));
      labels(g, "labels", a.labels());
      labels(g, "annotations", a.annotations());
      // Prometheus leaves the list nil, so null, when alerts are excluded.
      if (excludeAlerts) {
        g.writeNullField("alerts");
      } else {
        g.writeArrayFieldStart("alerts");
        for (Alert alert : r.alerts()) {
          alert(g, alert);
        }
        g.writeEndArray();
      }
    } else {
      RecordingRule rec = (RecordingRule) r.rule();
      g.writeStringField("name", rec.name());
      g.writeStringField("query", rec.query().text());
      labels(g, "labels", rec.labels());
    }
    g.writeStringField("health", r.health().id());
    if (r.lastError() != null && !r.lastError().isEmpty()) {
      g.writeStringField("lastError", r.lastError());
    }
    g.writeNumberField("evaluationTime", seconds(r.evaluationTime()));
    g.writeStringField("lastEvaluation", time(r.lastEvaluation()));
    g.writeStringField("type", r.rule() instanceof AlertingRule ? "alerting" : "recording");
    g.writeStringField("language", r.rule().query().language().id());
    g.writeEndObject();
  }

  private static void alert(JsonGenerator g, Alert a) throws IOException {
    g.writeStartObject();
    labels(g, "labels", a.labels());
    labels(g, "annotations", a.annotations());
    g.writeStringField("state", a.status().id());
    g.writeStringField("activeAt", time(a.activeAt()));
    if (a.keepFiringSince() != null) {
      g.writeStringField("keepFiringSince", time(a.keepFiringSince()));
    }
    g.writeStringField("value", GoFloat.format(a.value(), 'e', -1));
    g.writeEndObject();
  }

  private static void labels(JsonGenerator g, String field, Labels labels) throws IOException {
    g.writeObjectFieldStart(field);
    for (int i = 0; i < labels.size(); i++) {
      g.writeStringField(labels.name(i), labels.value(i));
    }
    g.writeEndObject();
  }

  /** Go's zero time stands for "never", as Prometheus prints a rule not yet evaluated. */
  private static String time(Instant t) {
    return t == null ? "0001-01-01T00:00:00Z" : GoTime.rfc3339Nano(t);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** Writes one field group of the {@code data} object. */
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("status", "success");
      g.writeObjectFieldStart("data");
      body.write(g);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static String error(String type, String message) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("status", "error");
      g.writeStringField("errorType", type);
      g.writeStringField("error", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
