package dev.tocsin.rules.model;

import java.util.List;
import java.util.Objects;

/** A loaded, valid rule file: its path as given and its groups in file order. */
public record RuleFile(String path, List<RuleGroup> groups) {
  public RuleFile {
    Objects.requireNonNull(path, "path is null");
    groups = List.copyOf(groups);
  }

  /** The number of rules in all groups. */
  public int ruleCount() {
    return groups.stream().mapToInt(g -> g.rules().size()).sum();
  }
}
