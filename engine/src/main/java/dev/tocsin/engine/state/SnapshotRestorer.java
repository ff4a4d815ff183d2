package dev.tocsin.engine.state;

import dev.tocsin.model.Labels;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a {@link GroupSnapshot} onto a group's current rules: after a restart (the downtime is not
 * counted toward a pending alert's {@code for}; nothing comes back after an outage as long as the
 * tolerance or when the clock went back) and on a reload (no downtime).
 *
 * <p>Each alerting rule takes the first unclaimed snapshot rule with the same name and rule
 * labels, as Prometheus' reload matches rules, so reordered duplicates keep their own alerts;
 * failing that, the first unclaimed one with the same name, so a rule whose labels were edited
 * keeps its alerts (those whose labels no longer come out resolve on the next evaluation,
 * and their resolution is sent).
 */
public final class SnapshotRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotRestorer.class);

  private SnapshotRestorer() {}

  /**
   * The plan for a restart at {@code now}: empty, with a note saying why, when the snapshot is at
   * least {@code outageTolerance} old or from the future.
   */
  public static RestorePlan afterOutage(List<Rule> rules, GroupSnapshot snapshot, Instant now,
      Duration outageTolerance) {
    Duration downtime = Duration.between(snapshot.evaluatedAt(), now);
    String refusal = null;
    if (downtime.isNegative()) {
      // Shifting pending alerts backwards or keeping timestamps from the future would both be
      // guesses; starting afresh is what Prometheus does without state.
      refusal = "the state was saved at " + snapshot.evaluatedAt() + ", after the current time " + now
          + " (the clock went back); nothing restored";
    } else if (downtime.compareTo(outageTolerance) >= 0) {
      refusal = "the state is " + downtime + " old, not less than the outage tolerance of " + outageTolerance
          + "; nothing restored";
    }
    if (refusal != null) {
      if (snapshot.alertCount() > 0) {
        LOG.info("group {} of {}: {}", snapshot.group(), snapshot.file(), refusal);
      }
      return new RestorePlan(Map.of(), List.of(refusal));
    }
    return plan(rules, snapshot, downtime);
  }

  /** The plan for a reload: the new rules take over the alerts as they are. */
  public static RestorePlan onReload(List<Rule> rules, GroupSnapshot snapshot) {
    return plan(rules, snapshot, Duration.ZERO);
  }

  /** Each rule's occurrence among the rules of the same name before it: 0, 1, … */
  public static int[] occurrences(List<Rule> rules) {
    Map<String, Integer> seen = new HashMap<>();
    int[] out = new int[rules.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = seen.merge(rules.get(i).name(), 1, Integer::sum) - 1;
    }
    return out;
  }

  private record NameAndLabels(String name, Labels labels) {}

  private static RestorePlan plan(List<Rule> rules, GroupSnapshot snapshot, Duration downtime) {
    Map<NameAndLabels, Deque<RuleSnapshot>> byLabels = new HashMap<>();
    for (RuleSnapshot r : snapshot.rules()) {
      byLabels.computeIfAbsent(new NameAndLabels(r.name(), r.ruleLabels()), k -> new ArrayDeque<>()).add(r);
    }
    Map<Integer, RuleSnapshot> matched = new LinkedHashMap<>();
    Set<RuleSnapshot> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) instanceof AlertingRule a) {
        Deque<RuleSnapshot> q = byLabels.get(new NameAndLabels(a.name(), a.labels()));
        if (q != null && !q.isEmpty()) {
          RuleSnapshot r = q.poll();
          matched.put(i, r);
          used.add(r);
        }
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) instanceof AlertingRule a && !matched.containsKey(i)) {
        for (RuleSnapshot r : snapshot.rules()) {
          if (r.name().equals(a.name()) && !used.contains(r)) {
            matched.put(i, r);
            used.add(r);
            break;
          }
        }
      }
    }
    Map<Integer, List<Alert>> alerts = new HashMap<>();
    matched.forEach((i, r) -> alerts.put(i, r.alerts().stream().map(a -> a.afterDowntime(downtime)).toList()));
    List<String> notes = new ArrayList<>();
    for (RuleSnapshot r : snapshot.rules()) {
      if (!used.contains(r)) {
        boolean recording = rules.stream().anyMatch(x -> x.name().equals(r.name()) && !(x instanceof AlertingRule));
        String which = r.occurrence() > 0 ? " (occurrence " + (r.occurrence() + 1) + ")" : "";
        String note = "alerting rule " + r.name() + which + (recording ? " is now a recording rule" : " no longer exists")
            + "; its " + r.alerts().size() + " alert(s) are not restored";
        LOG.info("group {} of {}: {}", snapshot.group(), snapshot.file(), note);
        notes.add(note);
      }
    }
    return new RestorePlan(alerts, notes);
  }
}
