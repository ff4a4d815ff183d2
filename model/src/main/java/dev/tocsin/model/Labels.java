package dev.tocsin.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable, sorted set of label name/value pairs: the identity of a series and of an alert.
 *
 * <p>Names are unique and sorted by their UTF-16 code units, which for the ASCII names that
 * dominate in practice is the same byte order Prometheus uses. Empty values are kept, because Loki
 * keeps them; PromQL code paths drop them where Prometheus does by calling {@link
 * #withoutEmpty()}.
 */
public final class Labels implements Iterable<Label>, Comparable<Labels> {
  /** The empty label set. */
  public static final Labels EMPTY = new Labels(new String[0], new String[0]);

  /** The reserved label that carries a series' metric name. */
  public static final String METRIC_NAME = "__name__";

  private final String[] names;
  private final String[] values;
  private int hash;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** Builds a label set from alternating names and values; later duplicates win. */
  public static Labels of(String... nameValues) {
    if (nameValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of name/value arguments");
    }
    Builder b = builder();
    for (int i = 0; i < nameValues.length; i += 2) {
      b.put(nameValues[i], nameValues[i + 1]);
    }
    return b.build();
  }

  /** Builds a label set from a map. */
  public static Labels of(Map<String, String> map) {
    Builder b = builder();
    map.forEach(b::put);
    return b.build();
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a builder holding these labels. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int i = 0; i < names.length; i++) {
      b.map.put(names[i], values[i]);
    }
    return b;
  }

  /** The value of a label, or {@code null} if absent. */
  public String get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? values[i] : null;
  }

  /** The value of a label, or the empty string if absent (Prometheus' convention). */
  public String getOrEmpty(String name) {
    String v = get(name);
    return v == null ? "" : v;
  }

  /** Whether a label with this name exists. */
  public boolean has(String name) {
    return Arrays.binarySearch(names, name) >= 0;
  }

  /** The number of labels. */
  public int size() {
    return names.length;
  }

  /** Whether the set is empty. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The name at an index in sorted order. */
  public String name(int i) {
    return names[i];
  }

  /** The value at an index in sorted order. */
  public String value(int i) {
    return values[i];
  }

  /** The metric name, or {@code null}. */
  public String metricName() {
    return get(METRIC_NAME);
  }

  /** These labels without the given names. */
  public Labels without(Collection<String> drop) {
    if (drop.isEmpty()) {
      return this;
    }
    Builder b = toBuilder();
    drop.forEach(b::remove);
    return b.build();
  }

  /** These labels without the given names. */
  public Labels without(String... drop) {
    return without(Arrays.asList(drop));
  }

  /** Only the labels with the given names. */
  public Labels keepOnly(Collection<String> keep) {
    Builder b = new Builder();
    for (int i = 0; i < names.length; i++) {
      if (keep.contains(names[i])) {
        b.map.put(names[i], values[i]);
      }
    }
    return b.build();
  }

  /** These labels without the metric name. */
  public Labels withoutMetricName() {
    return has(METRIC_NAME) ? without(METRIC_NAME) : this;
  }

  /** These labels without empty-valued ones, as Prometheus stores them. */
  public Labels withoutEmpty() {
    for (String v : values) {
      if (v.isEmpty()) {
        Builder b = new Builder();
        for (int i = 0; i < names.length; i++) {
          if (!values[i].isEmpty()) {
            b.map.put(names[i], values[i]);
          }
        }
        return b.build();
      }
    }
    return this;
  }

  /** Calls the consumer for each label in sorted order. */
  public void forEach(BiConsumer<String, String> consumer) {
    for (int i = 0; i < names.length; i++) {
      consumer.accept(names[i], values[i]);
    }
  }

  /** A sorted copy as a map, for JSON and template boundaries only. */
  public Map<String, String> toMap() {
    Map<String, String> m = new TreeMap<>();
    forEach(m::put);
    return m;
  }

  /** The label names in sorted order. */
  public List<String> names() {
    return List.of(names);
  }

  @Override
  public Iterator<Label> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < names.length;
      }

      @Override
      public Label next() {
        if (i >= names.length) {
          throw new NoSuchElementException();
        }
        Label l = new Label(names[i], values[i]);
        i++;
        return l;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Labels other)) {
      return false;
    }
    return hashCode() == other.hashCode()
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
      hash = h == 0 ? 1 : h;
      h = hash;
    }
    return h;
  }

  /** Orders label sets as Prometheus' labels.Compare does: pairwise by name, then value. */
  @Override
  public int compareTo(Labels o) {
    int n = Math.min(names.length, o.names.length);
    for (int i = 0; i < n; i++) {
      int c = names[i].compareTo(o.names[i]);
      if (c != 0) {
        return c;
      }
      c = values[i].compareTo(o.values[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(names.length, o.names.length);
  }

  /** Prometheus' text form of a label set: {@code {__name__="up", job="api"}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(LabelNames.isLegacyLabelName(names[i]) ? names[i] : quote(names[i]));
      sb.append('=').append(quote(values[i]));
    }
    return sb.append('}').toString();
  }

  /** Quotes a string with Go's escapes for the characters that occur in label values. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
  /** Collects labels; later puts of the same name win. */
  public static final class Builder {
    private final TreeMap<String, String> map = new TreeMap<>();

    private Builder() {}

    /** Sets a label. */
    public Builder put(String name, String value) {
      map.put(Objects.requireNonNull(name, "name is null"), Objects.requireNonNull(value, "value is null"));
      return this;
    }

    /** Sets every label of another set. */
    public Builder putAll(Labels other) {
      other.forEach(map::put);
      return this;
    }

    /** Removes a label. */
    public Builder remove(String name) {
      map.remove(name);
      return this;
    }

    /** The current value of a label, or {@code null}. */
    public String get(String name) {
      return map.get(name);
    }

    /** Builds the immutable set. */
    public Labels build() {
      if (map.isEmpty()) {
        return EMPTY;
      }
      List<String> n = new ArrayList<>(map.keySet());
      List<String> v = new ArrayList<>(map.values());
      return new Labels(n.toArray(new String[0]), v.toArray(new String[0]));
    }
  }
}
