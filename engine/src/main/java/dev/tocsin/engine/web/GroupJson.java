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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One group of {@code /api/v1/rules} rendered from one {@link GroupStatus}: the group object's
 * bytes before and after its {@code rules} list and each rule's {@link RuleJson}. A status is
 * immutable and replaced on every evaluation and reload, so these bytes stay right for as long as
 * the status they were rendered from is the group's current one.
 */
final class GroupJson {
  private static final JsonFactory JSON = new JsonFactory();

  private final GroupStatus status;
  private final byte[] head;
  private final byte[] tail;
  private final List<RuleJson> rules;

  private GroupJson(GroupStatus status, byte[] head, byte[] tail, List<RuleJson> rules) {
    this.status = status;
    this.head = head;
    this.tail = tail;
    this.rules = rules;
  }

  /** The status these bytes show. */
  GroupStatus status() {
    return status;
  }

  /** Appends the group's object with the rules the filter keeps, or nothing and {@code false} if it keeps none. */
  boolean writeTo(JsonBytes out, RulesFilter filter, boolean comma) {
    List<RuleStatus> statuses = status.rules();
    boolean first = true;
    for (int i = 0; i < rules.size(); i++) {
      if (!filter.keepsRule(statuses.get(i))) {
        continue;
      }
      if (first) {
        if (comma) {
          out.append(',');
        }
        out.append(head);
        first = false;
      } else {
        out.append(',');
      }
      rules.get(i).writeTo(out, filter.excludeAlerts());
    }
    if (!first) {
      out.append(tail);
    }
    return !first;
  }

  /** Appends every active alert of the group's rules, comma-separated; returns whether there was one. */
  boolean writeAlertsTo(JsonBytes out, boolean comma) {
    boolean any = false;
    for (RuleJson r : rules) {
      if (r.hasAlerts()) {
        if (comma || any) {
          out.append(',');
        }
        r.writeAlertsTo(out);
        any = true;
      }
    }
    return any;
  }

  /** The bytes held, for the cache's size. */
  long size() {
    long n = head.length + tail.length;
    for (RuleJson r : rules) {
      n += r.size();
    }
    return n;
  }

  static GroupJson render(GroupStatus group) {
    List<RuleJson> rules = new ArrayList<>(group.rules().size());
    for (RuleStatus r : group.rules()) {
      rules.add(rule(r));
    }
    Fragment f = new Fragment();
    try (JsonGenerator g = f.generator) {
      g.writeStartObject();
      g.writeStringField("name", group.key().name());
      g.writeStringField("file", group.key().file());
      g.writeArrayFieldStart("rules");
      f.mark();
      g.writeEndArray();
      g.writeNumberField("interval", seconds(group.interval()));
      g.writeNumberField("limit", group.group().limit());
      g.writeNumberField("evaluationTime", seconds(group.evaluationTime()));
      g.writeStringField("lastEvaluation", time(group.lastEvaluation()));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] all = f.bytes();
    int split = f.byteOffset(0);
    return new GroupJson(group, Arrays.copyOf(all, split), Arrays.copyOfRange(all, split, all.length),
        List.copyOf(rules));
  }

  private static RuleJson rule(RuleStatus r) {
    Fragment f = new Fragment();
    try (JsonGenerator g = f.generator) {
      g.writeStartObject();
      if (r.rule() instanceof AlertingRule a) {
        g.writeStringField("state", r.state().id());
        g.writeStringField("name", a.name());
        g.writeStringField("query", a.query().text());
        g.writeNumberField("duration", seconds(a.holdDuration()));
        g.writeNumberField("keepFiringFor", seconds(a.keepFiringFor()));
        labels(g, "labels", a.labels());
        labels(g, "annotations", a.annotations());
        g.writeArrayFieldStart("alerts");
        f.mark();
        for (Alert alert : r.alerts()) {
          alert(g, alert);
        }
        f.mark();
        g.writeEndArray();
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] json = f.bytes();
    return f.marks.isEmpty() ? new RuleJson(json, -1, -1) : new RuleJson(json, f.byteOffset(0), f.byteOffset(1));
  }

  /** One alert object, as both endpoints list it. */
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

  /** JSON written by one generator, with positions marked between tokens to cut it at. */
  private static final class Fragment {
    private final StringWriter out = new StringWriter();
    private final JsonGenerator generator;
    private final List<Integer> marks = new ArrayList<>(2);
    private String text;

    Fragment() {
      try {
        generator = JSON.createGenerator(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void mark() throws IOException {
      generator.flush();
      marks.add(out.getBuffer().length());
    }

    byte[] bytes() {
      text = out.toString();
      return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The UTF-8 offset of a mark; marks sit next to brackets, never inside a surrogate pair. */
    int byteOffset(int mark) {
      int end = marks.get(mark);
      int n = 0;
      for (int i = 0; i < end; i++) {
        char c = text.charAt(i);
        n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      }
      return n;
    }
  }
}
