package dev.tocsin.logql.engine;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.MatchType;
import dev.tocsin.promql.value.LogEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory Loki: log streams keyed by their labels, each holding entries with nanosecond
 * timestamps and structured metadata, indexed by label pair for stream-selector matching. Safe
 * for concurrent use: writes are synchronized and queries read immutable per-stream snapshots.
 */
public final class MemoryLogStore {
  /** One stream: its labels and its entries, read through immutable time-ordered snapshots. */
  public static final class Stream {
    private final Labels labels;
    private final List<LogEntry> entries = new ArrayList<>();
    private boolean sorted = true;
    private Snapshot snapshot;

    Stream(Labels labels) {
      this.labels = labels;
    }

    /** The stream labels. */
    public Labels labels() {
      return labels;
    }

    synchronized void add(LogEntry e) {
      if (!entries.isEmpty() && entries.get(entries.size() - 1).timestampNanos() > e.timestampNanos()) {
        sorted = false;
      }
      entries.add(e);
      snapshot = null;
    }

    /**
     * The entries at this moment, sorted by timestamp (stable for equal timestamps); later appends
     * do not affect a snapshot already taken, so queries may run while the store is written.
     */
    public synchronized Snapshot snapshot() {
      if (snapshot == null) {
        if (!sorted) {
          entries.sort(Comparator.comparingLong(LogEntry::timestampNanos));
          sorted = true;
        }
        long[] ts = new long[entries.size()];
        for (int i = 0; i < ts.length; i++) {
          ts[i] = entries.get(i).timestampNanos();
        }
        snapshot = new Snapshot(List.copyOf(entries), ts);
      }
      return snapshot;
    }
  }

  /** An immutable, time-ordered view of one stream's entries. */
  public static final class Snapshot {
    private final List<LogEntry> entries;
    private final long[] timestamps;

    Snapshot(List<LogEntry> entries, long[] timestamps) {
      this.entries = entries;
      this.timestamps = timestamps;
    }

    /** The entries in time order. */
    public List<LogEntry> entries() {
      return entries;
    }

    /** Index of the first entry with a timestamp greater than {@code ts}. */
    public int firstAfter(long ts) {
      int lo = 0;
      int hi = timestamps.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (timestamps[mid] <= ts) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private final Map<Labels, Stream> streams = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Stream>>> postings = new HashMap<>();

  /**
   * Appends an entry to the stream with these labels. Empty-valued stream labels are dropped as
   * Loki's distributor drops them on write.
   */
  public synchronized void append(Labels streamLabels, LogEntry entry) {
    Labels labels = streamLabels.withoutEmpty();
    Stream s = streams.get(labels);
    if (s == null) {
      s = new Stream(labels);
      streams.put(labels, s);
      for (int i = 0; i < labels.size(); i++) {
        postings.computeIfAbsent(labels.name(i), k -> new HashMap<>())
            .computeIfAbsent(labels.value(i), k -> new ArrayList<>())
            .add(s);
      }
    }
    s.add(entry);
  }

  /** Appends several entries to one stream. */
  public void appendAll(Labels streamLabels, Collection<LogEntry> entries) {
    for (LogEntry e : entries) {
      append(streamLabels, e);
    }
  }

  /** Drops every stream. */
  public synchronized void clear() {
    streams.clear();
    postings.clear();
  }

  /** The number of streams. */
  public synchronized int streamCount() {
    return streams.size();
  }

  /** The streams whose labels satisfy every matcher. */
  public synchronized List<Stream> select(List<LabelMatcher> matchers) {
    Collection<Stream> candidates = streams.values();
    for (LabelMatcher m : matchers) {
      if (m.type() == MatchType.EQUAL && !m.value().isEmpty()) {
        List<Stream> p = postings.getOrDefault(m.name(), Map.of()).get(m.value());
        if (p == null) {
          return List.of();
        }
        if (p.size() < candidates.size()) {
          candidates = p;
        }
      }
    }
    List<Stream> out = new ArrayList<>();
    for (Stream s : candidates) {
      boolean ok = true;
      for (LabelMatcher m : matchers) {
        if (!m.matches(s.labels().getOrEmpty(m.name()))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(s);
      }
    }
    return out;
  }
}
