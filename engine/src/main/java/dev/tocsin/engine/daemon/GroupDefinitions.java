package dev.tocsin.engine.daemon;

import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.RecordingRule;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.model.RuleGroup;
import java.util.Objects;

/**
 * Whether a reloaded group is the same as the running one, as Prometheus decides it: same name,
 * interval, limit, query offset, labels and rules; where the group sits in the file does not count.
 */
final class GroupDefinitions {
  private GroupDefinitions() {}

  static boolean same(RuleGroup a, RuleGroup b) {
    if (!a.name().equals(b.name()) || !Objects.equals(a.interval(), b.interval()) || a.limit() != b.limit()
        || !Objects.equals(a.queryOffset(), b.queryOffset()) || !a.labels().equals(b.labels())
        || a.language() != b.language() || a.rules().size() != b.rules().size()) {
      return false;
    }
    for (int i = 0; i < a.rules().size(); i++) {
      if (!same(a.rules().get(i), b.rules().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Rule a, Rule b) {
    if (a instanceof AlertingRule x && b instanceof AlertingRule y) {
      return x.name().equals(y.name()) && x.query().text().equals(y.query().text())
          && x.query().language() == y.query().language() && x.holdDuration().equals(y.holdDuration())
          && x.keepFiringFor().equals(y.keepFiringFor()) && x.labels().equals(y.labels())
          && x.annotations().equals(y.annotations());
    }
    if (a instanceof RecordingRule x && b instanceof RecordingRule y) {
      return x.name().equals(y.name()) && x.query().text().equals(y.query().text())
          && x.query().language() == y.query().language() && x.labels().equals(y.labels());
    }
    return false;
  }
}
