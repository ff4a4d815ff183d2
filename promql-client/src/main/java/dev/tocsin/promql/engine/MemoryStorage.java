package dev.tocsin.promql.engine;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.MatchType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * In-memory series storage for the embedded PromQL engine: series in primitive arrays and a
 * postings index (label name → value → series ids) for matcher selection, as Prometheus' head
 * block selects series. Not thread-safe for concurrent writes; reads after loading are safe.
 */
public final class MemoryStorage {
  private final List<MemorySeries> series = new ArrayList<>();
  private final Map<Labels, Integer> ids = new HashMap<>();
  private final Map<String, Map<String, IntList>> postings = new HashMap<>();

  /**
   * Appends a sample to the series with these labels, creating it when new. Empty-valued labels
   * are dropped, as Prometheus stores them.
   */
  public void append(Labels labels, long timestampMillis, double value) {
    Objects.requireNonNull(labels, "labels is null");
    Labels key = labels.withoutEmpty();
    Integer id = ids.get(key);
    if (id == null) {
      id = series.size();
      series.add(new MemorySeries(key));
      ids.put(key, id);
      for (int i = 0; i < key.size(); i++) {
        postings
            .computeIfAbsent(key.name(i), n -> new HashMap<>())
            .computeIfAbsent(key.value(i), v -> new IntList())
            .add(id);
      }
    }
    series.get(id).append(timestampMillis, value);
  }

  /**
   * Records that the series has a native histogram sample at this time. Native histograms are not
   * supported: the sample is kept as a placeholder so that a query reading it fails with a clear
   * message instead of silently reading the older float sample.
   */
  public void appendNativeHistogram(Labels labels, long timestampMillis) {
    append(labels, timestampMillis, StaleNaN.HISTOGRAM);
  }

  /**
   * Drops the spare capacity of every series' arrays after loading, leaving 16 bytes per sample
   * (an 8-byte timestamp and an 8-byte value); appending later still works.
   */
  public void compact() {
    for (MemorySeries s : series) {
      s.trimToSize();
    }
  }

  /** The bytes the sample arrays take, spare capacity included (for memory reports). */
  public long sampleBytes() {
    long n = 0;
    for (MemorySeries s : series) {
      n += 16L * s.capacity();
    }
    return n;
  }

  /** Removes every series. */
  public void clear() {
    series.clear();
    ids.clear();
    postings.clear();
  }

  /** The number of series. */
  public int seriesCount() {
    return series.size();
  }

  /** The number of stored samples, stale markers included. */
  public long sampleCount() {
    long n = 0;
    for (MemorySeries s : series) {
      n += s.size();
    }
    return n;
  }

  /** The series with exactly these labels, or {@code null}. */
  public MemorySeries get(Labels labels) {
    Integer id = ids.get(labels.withoutEmpty());
    return id == null ? null : series.get(id);
  }

  /**
   * The series matching every matcher, sorted by labels as Prometheus' querier returns them. A
   * matcher that accepts the empty string also matches series without the label.
   */
  public List<MemorySeries> select(List<LabelMatcher> matchers) {
    BitSet candidates = null;
    for (LabelMatcher m : matchers) {
      if (m.matchesEmpty()) {
        continue;
      }
      BitSet ids = postingsFor(m);
      if (candidates == null) {
        candidates = ids;
      } else {
        candidates.and(ids);
      }
      if (candidates.isEmpty()) {
        return List.of();
      }
    }
    List<MemorySeries> out = new ArrayList<>();
    if (candidates == null) {
      for (MemorySeries s : series) {
        if (matchesAll(s.labels(), matchers)) {
          out.add(s);
        }
      }
    } else {
      for (int id = candidates.nextSetBit(0); id >= 0; id = candidates.nextSetBit(id + 1)) {
        MemorySeries s = series.get(id);
        if (matchesAll(s.labels(), matchers)) {
          out.add(s);
        }
      }
    }
    out.sort((a, b) -> a.labels().compareTo(b.labels()));
    return out;
  }

  /** The ids of series whose label value satisfies a matcher that rejects the empty value. */
  private BitSet postingsFor(LabelMatcher m) {
    BitSet ids = new BitSet(series.size());
    Map<String, IntList> values = postings.get(m.name());
    if (values == null) {
      return ids;
    }
    if (m.type() == MatchType.EQUAL) {
      IntList l = values.get(m.value());
      if (l != null) {
        l.setAll(ids);
      }
      return ids;
    }
    // Regex and negative matchers: test each distinct value once rather than each series.
    for (Map.Entry<String, IntList> e : values.entrySet()) {
      if (m.matches(e.getKey())) {
        e.getValue().setAll(ids);
      }
    }
    return ids;
  }

  private static boolean matchesAll(Labels labels, List<LabelMatcher> matchers) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels.getOrEmpty(m.name()))) {
        return false;
      }
    }
    return true;
  }

  /** A growable list of ints without boxing. */
  private static final class IntList {
    private int[] items = new int[4];
    private int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    void setAll(BitSet bits) {
      for (int i = 0; i < size; i++) {
        bits.set(items[i]);
      }
    }
  }
}
