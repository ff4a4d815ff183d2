package dev.tocsin.notifier.route;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.InhibitRuleConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

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

  /** Whether an alert with these labels is inhibited at {@code now} by any of the known alerts. */
  public boolean inhibited(Labels target, Collection<OutgoingAlert> known, Instant now) {
    for (InhibitRuleConfig rule : rules) {
      if (!matchesAll(rule.targetMatchers(), target)) {
        continue;
      }
      boolean targetIsSource = matchesAll(rule.sourceMatchers(), target);
      for (OutgoingAlert source : known) {
        if (source.resolvedAt(now) || !matchesAll(rule.sourceMatchers(), source.labels())) {
          continue;
        }
        if (targetIsSource && matchesAll(rule.targetMatchers(), source.labels())) {
          continue;
        }
        if (equalOn(rule.equal(), source.labels(), target)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAll(List<LabelMatcher> matchers, Labels labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels.getOrEmpty(m.name()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalOn(List<String> names, Labels a, Labels b) {
    for (String n : names) {
      if (!a.getOrEmpty(n).equals(b.getOrEmpty(n))) {
        return false;
      }
    }
    return true;
  }
}
