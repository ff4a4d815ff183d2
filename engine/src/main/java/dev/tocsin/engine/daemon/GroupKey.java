package dev.tocsin.engine.daemon;

import java.util.Objects;

/** A rule group's identity: the rule file it comes from and its name, as Prometheus keys groups. */
public record GroupKey(String file, String name) implements Comparable<GroupKey> {
  public GroupKey {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(name, "name is null");
  }

  /** Prometheus' {@code rule_group} metric label value, {@code file;group}. */
  public String metricLabel() {
    return file + ";" + name;
  }

  @Override
  public int compareTo(GroupKey o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : name.compareTo(o.name);
  }
}
