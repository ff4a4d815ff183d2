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
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory series storage for the embedded PromQL engine: series in primitive arrays and a
 * postings index (label name → value → series ids) for matcher selection, as Prometheus' head
 * block selects series. Any number of queries may run while one thread appends samples in time
 * order (series creation is guarded by a lock, sample counts are published after the sample).
 */
public final class MemoryStorage {
  private final List<MemorySeries> series = new ArrayList<>();
  private final Map<Labels, Integer> ids = new HashMap<>();
  private final Map<String, Map<String, IntList>> postings = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Appends a sample to the series with these labels, creating it when new. Empty-valued labels
   * are dropped, as Prometheus stores them.
   */
  public void append(Labels labels, long timestampMillis, double value) {
    Objects.requireNonNull(labels, "labels is null");
    Labels key = labels.withoutEmpty();
    MemorySeries s;
    lock.readLock().lock();
    try {
      Integer id = ids.get(key);
      s = id == null ? null : series.get(id);
    } finally {
      lock.readLock().unlock();
    }
    if (s == null) {
      s = create(key);
    }
    s.append(timestampMillis, value);
  }

  private MemorySeries create(Labels key) {
    lock.writeLock().lock();
    try {
      Integer existing = ids.get(key);
      if (existing != null) {
        return series.get(existing);
      }
      int id = series.size();
      MemorySeries s = new MemorySeries(key);
      series.add(s);
      ids.put(key, id);
      for (int i = 0; i < key.size(); i++) {
        postings
            .computeIfAbsent(key.name(i), n -> new HashMap<>())
            .computeIfAbsent(key.value(i), v -> new IntList())
            .add(id);
      }
      return s;
    } finally {
      lock.writeLock().unlock();
    }
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
    lock.writeLock().lock();
    try {
      series.clear();
      ids.clear();
      postings.clear();
    } finally {
      lock.writeLock().unlock();
    }
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
    lock.readLock().lock();
    try {
      Integer id = ids.get(labels.withoutEmpty());
      return id == null ? null : series.get(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The series matching every matcher, sorted by labels as Prometheus' querier returns them. A
   * matcher that accepts the empty string also matches series without the label.
   */
  public List<MemorySeries> select(List<LabelMatcher> matchers) {
    lock.readLock().lock();
    try {
      return selectLocked(matchers);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<MemorySeries> selectLocked(List<LabelMatcher> matchers) {
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
