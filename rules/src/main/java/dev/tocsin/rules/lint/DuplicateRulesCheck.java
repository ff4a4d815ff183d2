package dev.tocsin.rules.lint;

import dev.tocsin.model.Labels;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.model.source.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * promtool's {@code duplicate-rules} lint: rules of one file that share the alert or record name
 * and the label set (group labels merged with rule labels, as in Prometheus 3.x). The expression
 * is not compared, and alerting and recording rules share one namespace.
 */
public final class DuplicateRulesCheck {
  /** The check's id. */
  public static final String ID = "lint/duplicate-rules";

  private DuplicateRulesCheck() {}

  /** The duplicated name/label combinations, sorted by name and then labels; each listed once. */
  public static List<DuplicateRule> find(RuleFile file) {
    Map<Key, List<Position>> seen = new LinkedHashMap<>();
    for (RuleGroup g : file.groups()) {
      for (Rule r : g.rules()) {
        Labels merged = g.labels().isEmpty() ? r.labels() : g.labels().toBuilder().putAll(r.labels()).build();
        seen.computeIfAbsent(new Key(r.name(), merged), k -> new ArrayList<>()).add(r.position());
      }
    }
    List<DuplicateRule> out = new ArrayList<>();
    seen.forEach((k, ps) -> {
      if (ps.size() > 1) {
        out.add(new DuplicateRule(k.metric, k.labels, ps.stream().filter(Objects::nonNull).toList()));
      }
    });
    out.sort((a, b) -> {
      int c = a.metric().compareTo(b.metric());
      return c != 0 ? c : a.labels().compareTo(b.labels());
    });
    return out;
  }

  private record Key(String metric, Labels labels) {}
}
