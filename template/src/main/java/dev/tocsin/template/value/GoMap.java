package dev.tocsin.template.value;

import dev.tocsin.model.Labels;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable Go map with string keys, iterated in sorted key order as text/template and fmt do.
 *
 * <p>The element type matters: with {@code missingkey=zero} a missing key of a {@code
 * map[string]string} yields {@code ""}, while one of a {@code map[string]interface {}} yields nil,
 * which prints as {@code <no value>}.
 */
public final class GoMap {
  /** Go type name of label maps. */
  public static final String STRING_MAP = "map[string]string";
  /** Go type name of maps with arbitrary values. */
  public static final String ANY_MAP = "map[string]interface {}";

  private final String goType;
  // Label maps are served straight from the (sorted) Labels, so building one costs nothing;
  // the sorted map view is made only when a template ranges over or prints the map.
  private final Labels labels;
  private volatile SortedMap<String, Object> entries;
  private final Object zero;
  private final Methods methods;

  /** The methods of a named map type, such as Alertmanager's {@code template.KV}. */
  @FunctionalInterface
  public interface Methods {
    /**
     * Calls a method on the map, or returns {@link GoStruct#ABSENT} when there is none.
     *
     * @throws IllegalArgumentException with Go's error text when the call fails
     */
    Object call(GoMap self, String name, List<Object> args);
  }

  private GoMap(String goType, SortedMap<String, Object> entries, Object zero) {
    this.goType = goType;
    this.entries = entries;
    this.labels = null;
    this.zero = zero;
    this.methods = null;
  }

  private GoMap(Labels labels) {
    this(STRING_MAP, labels, null);
  }

  private GoMap(String goType, Labels labels, Methods methods) {
    this.goType = goType;
    this.labels = labels;
    this.zero = "";
    this.methods = methods;
  }

  /**
   * A named {@code map[string]string} type holding the labels, with methods templates can call,
   * e.g. {@code .Labels.SortedPairs}.
   */
  public static GoMap named(String goType, Labels labels, Methods methods) {
    return new GoMap(goType, labels, methods);
  }

  /** The methods of a named map type, or null. */
  public Methods methods() {
    return methods;
  }

  /** A {@code map[string]string} holding the labels. */
  public static GoMap of(Labels labels) {
    return new GoMap(labels);
  }

  /** A {@code map[string]string} holding the map's entries. */
  public static GoMap ofStrings(Map<String, String> map) {
    return new GoMap(STRING_MAP, Collections.unmodifiableSortedMap(new TreeMap<>(map)), "");
  }

  /** A {@code map[string]interface {}} holding the map's entries (values already Go values). */
  public static GoMap ofValues(Map<String, ?> map) {
    return new GoMap(ANY_MAP, Collections.unmodifiableSortedMap(new TreeMap<>(map)), null);
  }

  /** The Go type name, e.g. {@code map[string]string}. */
  public String goType() {
    return goType;
  }

  /** The value for the key, or null when absent. */
  public Object get(String key) {
    return labels != null ? labels.get(key) : entries.get(key);
  }

  /** Whether the key is present. */
  public boolean containsKey(String key) {
    return labels != null ? labels.has(key) : entries.containsKey(key);
  }

  /** The value a missing key yields under {@code missingkey=zero}. */
  public Object zero() {
    return zero;
  }

  /** The entries in sorted key order. */
  public SortedMap<String, Object> entries() {
    SortedMap<String, Object> e = entries;
    if (e == null) {
      TreeMap<String, Object> m = new TreeMap<>();
      labels.forEach(m::put);
      e = Collections.unmodifiableSortedMap(m);
      entries = e;
    }
    return e;
  }

  public int size() {
    return labels != null ? labels.size() : entries.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoMap other && goType.equals(other.goType) && entries().equals(other.entries());
  }

  @Override
  public int hashCode() {
    return Objects.hash(goType, entries());
  }

  @Override
  public String toString() {
    return goType + entries();
  }
}
