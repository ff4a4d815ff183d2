package dev.tocsin.engine.eval;

import dev.tocsin.engine.state.Alert;
import dev.tocsin.template.fmt.GoEscape;
import dev.tocsin.engine.state.AlertCandidate;
import dev.tocsin.engine.state.AlertRuleState;
import dev.tocsin.engine.state.GroupSnapshot;
import dev.tocsin.engine.state.RestorePlan;
import dev.tocsin.engine.state.RuleSnapshot;
import dev.tocsin.engine.state.SnapshotRestorer;
import dev.tocsin.model.Label;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.promql.value.Sample;
import dev.tocsin.promql.value.Scalar;
import dev.tocsin.promql.value.Vector;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.RecordingRule;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.report.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Evaluates one rule group at a given timestamp, as Prometheus' rule group does: rules in file
 * order, queries at {@code ts - query_offset}, recording results written to the sink before the
 * next rule runs, the alert state machine, stale markers for vanished series, and the send
 * decision. It reads no clock (the timestamp is passed in; durations come from an injected
 * nanosecond source), starts no thread and does no I/O except through its query clients and sink.
 */
public final class GroupEvaluator {
  private static final String ALERTS = "ALERTS";
  private static final String ALERTS_FOR_STATE = "ALERTS_FOR_STATE";

  private final RuleGroup group;
  private final Map<QueryLanguage, QueryClient> clients;
  private final EvaluationSettings settings;
  private final SampleSink sink;
  private final TemplateExpander templates;
  private final LongSupplier nanoTime;
  private final List<RuleRuntime> runtimes = new ArrayList<>();

  /** Per-rule state that outlives one evaluation. */
  private static final class RuleRuntime {
    final Rule rule;
    final AlertRuleState alerts = new AlertRuleState();
    Set<Labels> lastSeries = Set.of();

    RuleRuntime(Rule rule) {
      this.rule = rule;
    }
  }

  public GroupEvaluator(RuleGroup group, Map<QueryLanguage, QueryClient> clients, EvaluationSettings settings,
      SampleSink sink, TemplateExpander templates, LongSupplier nanoTime) {
    this.group = group;
    this.clients = Map.copyOf(clients);
    this.settings = settings;
    this.sink = sink;
    this.templates = templates;
    this.nanoTime = nanoTime;
    for (Rule r : group.rules()) {
      runtimes.add(new RuleRuntime(r));
    }
  }

  /** The group evaluated. */
  public RuleGroup group() {
    return group;
  }

  /** The alerts of a rule, by its index in the group, for the API and for unit tests. */
  public AlertRuleState alertState(int ruleIndex) {
    return runtimes.get(ruleIndex).alerts;
  }

  /**
   * The alerts of every alerting rule that has any, as the group stands after its evaluation at
   * {@code evaluatedAt}; {@code file} is the rule file the group comes from. Call it from the
   * thread that evaluates the group, between evaluations.
   */
  public GroupSnapshot snapshot(String file, Instant evaluatedAt) {
    int[] occurrence = SnapshotRestorer.occurrences(group.rules());
    List<RuleSnapshot> rules = new ArrayList<>();
    for (int i = 0; i < runtimes.size(); i++) {
      RuleRuntime rt = runtimes.get(i);
      if (rt.rule instanceof AlertingRule) {
        List<Alert> alerts = rt.alerts.alerts();
        if (!alerts.isEmpty()) {
          rules.add(new RuleSnapshot(rt.rule.name(), occurrence[i], rt.rule.labels(), alerts));
        }
      }
    }
    return new GroupSnapshot(file, group.name(), evaluatedAt, rules);
  }

  /**
   * Restores alerts saved before a restart, before the first evaluation: nothing when the
   * snapshot is {@code outageTolerance} old or older; otherwise firing and resolved alerts as they
   * were and pending ones with the downtime ({@code now} minus the snapshot's evaluation time)
   * not counted toward {@code for}.
   */
  public RestorePlan restore(GroupSnapshot snapshot, Instant now, Duration outageTolerance) {
    return install(SnapshotRestorer.afterOutage(group.rules(), snapshot, now, outageTolerance));
  }

  /** Takes over the alerts of the group this one replaces on a reload, as they are. */
  public RestorePlan inherit(GroupSnapshot previous) {
    return install(SnapshotRestorer.onReload(group.rules(), previous));
  }

  private RestorePlan install(RestorePlan plan) {
    plan.alertsByRule().forEach((i, alerts) -> runtimes.get(i).alerts.restore(alerts));
    return plan;
  }

  /** Evaluates every rule at {@code ts} and decides which alerts to send. */
  public GroupEvaluation evaluate(Instant ts) {
    List<RuleOutcome> outcomes = new ArrayList<>();
    List<AlertNotification> notifications = new ArrayList<>();
    Instant queryTime = ts.minus(settings.queryOffset());
    long sampleTime = queryTime.toEpochMilli();
    for (RuleRuntime rt : runtimes) {
      long start = nanoTime.getAsLong();
      RuleOutcome outcome;
      try {
        List<Sample> result = query(rt.rule, queryTime);
        List<Sample> out = rt.rule instanceof AlertingRule a ? alert(rt, a, result, ts) : record((RecordingRule) rt.rule, result);
        Set<Labels> written = new HashSet<>();
        for (Sample s : out) {
          sink.append(s.metric(), sampleTime, s.value());
          written.add(s.metric());
        }
        for (Labels gone : rt.lastSeries) {
          if (!written.contains(gone)) {
            sink.append(gone, sampleTime, Staleness.STALE_NAN);
          }
        }
        rt.lastSeries = written;
        if (rt.rule instanceof AlertingRule a) {
          for (Alert sent : rt.alerts.takeAlertsToSend(ts, settings.resendDelay(), settings.interval())) {
            notifications.add(new AlertNotification(group.name(), a, sent, generatorUrl(a)));
          }
        }
        outcome = new RuleOutcome(rt.rule, RuleHealth.OK, null, elapsed(start), out.size());
      } catch (RuleFailure e) {
        // A failed rule leaves its alerts, series and send state exactly as they were.
        outcome = new RuleOutcome(rt.rule, RuleHealth.ERR, e.getMessage(), elapsed(start), 0);
      }
      outcomes.add(outcome);
    }
    return new GroupEvaluation(ts, outcomes, notifications);
  }

  private Duration elapsed(long start) {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
  }

  private List<Sample> query(Rule rule, Instant at) throws RuleFailure {
    QueryClient client = clients.get(rule.query().language());
    if (client == null) {
      throw new RuleFailure("no " + rule.query().language().id() + " datasource is configured");
    }
    QueryResult r;
    try {
      r = client.instantQuery(rule.query().text(), at);
    } catch (QueryException e) {
      throw new RuleFailure(e.getMessage());
    }
    if (r instanceof Vector v) {
      return v.samples();
    }
    if (r instanceof Scalar s) {
      return List.of(new Sample(Labels.EMPTY, s.timestamp(), s.value()));
    }
    throw new RuleFailure("rule result is not a vector or scalar");
  }

  private List<Sample> record(RecordingRule rule, List<Sample> result) throws RuleFailure {
    List<Sample> out = new ArrayList<>(result.size());
    Set<Labels> seen = new HashSet<>();
    Labels ruleLabels = mergedLabels(rule.labels());
    for (Sample s : result) {
      Labels.Builder b = s.metric().toBuilder().put(Labels.METRIC_NAME, rule.name());
      applyLabels(b, ruleLabels);
      Labels l = b.build();
      if (!seen.add(l)) {
        throw new RuleFailure("vector contains metrics with the same labelset after applying rule labels");
      }
      out.add(new Sample(l, s.timestamp(), s.value()));
    }
    if (group.limit() > 0 && out.size() > group.limit()) {
      throw new RuleFailure("exceeded limit of " + group.limit() + " with " + out.size() + " series");
    }
    return out;
  }

  private List<Sample> alert(RuleRuntime rt, AlertingRule rule, List<Sample> result, Instant ts) throws RuleFailure {
    Labels ruleLabels = mergedLabels(rule.labels());
    List<AlertCandidate> candidates = new ArrayList<>(result.size());
    Set<Labels> seen = new HashSet<>();
    for (Sample s : result) {
      Labels.Builder b = s.metric().toBuilder().remove(Labels.METRIC_NAME);
      for (Label l : ruleLabels) {
        setOrDelete(b, l.name(), templates.expand(rule.name(), l.value(), s.metric(), s.value(), ts));
      }
      b.put("alertname", rule.name());
      Labels labels = b.build();
      Labels.Builder ann = Labels.builder();
      for (Label l : rule.annotations()) {
        ann.put(l.name(), templates.expand(rule.name(), l.value(), s.metric(), s.value(), ts));
      }
      if (!seen.add(labels)) {
        throw new RuleFailure("vector contains metrics with the same labelset after applying alert labels");
      }
      candidates.add(new AlertCandidate(labels, ann.build(), s.value()));
    }
    List<Alert> active;
    try {
      active = rt.alerts.apply(ts, candidates, rule.holdDuration(), rule.keepFiringFor(), group.limit());
    } catch (AlertRuleState.LimitExceededException e) {
      throw new RuleFailure(e.getMessage());
    }
    List<Sample> out = new ArrayList<>(active.size() * 2);
    long t = ts.minus(settings.queryOffset()).toEpochMilli();
    for (Alert a : active) {
      out.add(new Sample(a.labels().toBuilder().put(Labels.METRIC_NAME, ALERTS).put("alertstate", a.status().id()).build(),
          t, 1));
      out.add(new Sample(a.labels().toBuilder().put(Labels.METRIC_NAME, ALERTS_FOR_STATE).build(), t,
          a.activeAt().getEpochSecond()));
    }
    return out;
  }

  /** Group labels under rule labels, as Prometheus 3.x merges them. */
  private Labels mergedLabels(Labels ruleLabels) {
    return group.labels().isEmpty() ? ruleLabels : group.labels().toBuilder().putAll(ruleLabels).build();
  }

  private static void applyLabels(Labels.Builder b, Labels labels) {
    for (Label l : labels) {
      setOrDelete(b, l.name(), l.value());
    }
  }

  /** Prometheus' label builder deletes a label set to the empty value. */
  private static void setOrDelete(Labels.Builder b, String name, String value) {
    if (value.isEmpty()) {
      b.remove(name);
    } else {
      b.put(name, value);
    }
  }

  /**
   * Where an alert of {@code rule} links to: the datasource's graph page for PromQL, Tocsin's status
   * page of the rule for LogQL.
   */
  public String generatorUrl(AlertingRule rule) {
    if (rule.query().language() == QueryLanguage.PROMQL) {
      return settings.promqlLinkBase() + "/graph?g0.expr=" + GoEscape.query(rule.query().text()) + "&g0.tab=1";
    }
    if (settings.grafanaUrl() != null) {
      // Grafana's Explore view, with the rule's query on the default Loki datasource over the last hour.
      String pane = "{\"queries\":[{\"refId\":\"A\",\"expr\":" + Json.quote(rule.query().text())
          + "}],\"range\":{\"from\":\"now-1h\",\"to\":\"now\"}}";
      return settings.grafanaUrl() + "/explore?left=" + GoEscape.query(pane);
    }
    return settings.externalUrl() + "/rules?group=" + GoEscape.query(group.name()) + "&rule="
        + GoEscape.query(rule.name());
  }

  /** A rule evaluation that failed; its message is the rule's last error. */
  private static final class RuleFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RuleFailure(String message) {
      super(message, null, false, false);
    }
  }
}
