package dev.tocsin.notifier.route;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.InhibitRuleConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code inhibit_rules} as Alertmanager does when it notifies: an alert matching a rule's
 * target matchers is muted while some alert that is not resolved matches the source matchers and
 * has the same values (a missing label counts as empty) for every {@code equal} label; a source
 * that also matches the targets cannot mute an alert that matches both sides.
 */
public final class Inhibitor {
  private final List<InhibitRuleConfig> rules;

  public Inhibitor(List<InhibitRuleConfig> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The sources active at {@code now} among the known alerts, indexed per rule by their {@code equal} values. */
  public Sources sources(Collection<OutgoingAlert> known, Instant now) {
    List<Set<List<String>>> oneSided = new ArrayList<>();
    List<Set<List<String>>> twoSided = new ArrayList<>();
    for (InhibitRuleConfig rule : rules) {
      Set<List<String>> one = new HashSet<>();
      Set<List<String>> two = new HashSet<>();
      for (OutgoingAlert a : known) {
        if (!a.resolvedAt(now) && matchesAll(rule.sourceMatchers(), a.labels())) {
          (matchesAll(rule.targetMatchers(), a.labels()) ? two : one).add(values(rule.equal(), a.labels()));
        }
      }
      oneSided.add(one);
      twoSided.add(two);
    }
    return new Sources(oneSided, twoSided);
  }

  /** The active sources of one moment; answers whether a target is inhibited. */
  public final class Sources {
    private final List<Set<List<String>>> oneSided;
    private final List<Set<List<String>>> twoSided;

    private Sources(List<Set<List<String>>> oneSided, List<Set<List<String>>> twoSided) {
      this.oneSided = oneSided;
      this.twoSided = twoSided;
    }

    /** Whether an alert with these labels is inhibited. */
    public boolean inhibit(Labels target) {
      for (int i = 0; i < rules.size(); i++) {
        InhibitRuleConfig rule = rules.get(i);
        if (!matchesAll(rule.targetMatchers(), target)) {
          continue;
        }
        List<String> key = values(rule.equal(), target);
        if (oneSided.get(i).contains(key)
            || (!matchesAll(rule.sourceMatchers(), target) && twoSided.get(i).contains(key))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whether an alert with these labels is inhibited at {@code now} by any of the known alerts. */
  public boolean inhibited(Labels target, Collection<OutgoingAlert> known, Instant now) {
    return sources(known, now).inhibit(target);
  }

  private static boolean matchesAll(List<LabelMatcher> matchers, Labels labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels.getOrEmpty(m.name()))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> values(List<String> names, Labels labels) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(labels.getOrEmpty(n));
    }
    return out;
  }
}
