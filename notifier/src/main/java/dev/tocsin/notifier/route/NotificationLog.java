package dev.tocsin.notifier.route;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Alertmanager's notification log: per integration of a receiver and aggregation group, what was
 * last notified (the fingerprints of the firing and of the resolved alerts) and when. The router
 * consults it before each notification so that unchanged groups are repeated only after {@code
 * repeat_interval}; entries expire after a retention period (Alertmanager's {@code
 * --data.retention}, 120h).
 */
public final class NotificationLog {
  /** Alertmanager's default retention of notification log entries. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(120);

  /** One entry: the alerts notified as firing and as resolved, and when. */
  public record Entry(String integration, String groupKey, Set<Long> firing, Set<Long> resolved, Instant timestamp,
      Instant expiresAt) {
    public Entry {
      Objects.requireNonNull(integration, "integration is null");
      Objects.requireNonNull(groupKey, "groupKey is null");
      firing = Set.copyOf(firing);
      resolved = Set.copyOf(resolved);
      Objects.requireNonNull(timestamp, "timestamp is null");
      Objects.requireNonNull(expiresAt, "expiresAt is null");
    }
  }

  private record Key(String integration, String groupKey) {}

  private final Map<Key, Entry> entries = new HashMap<>();
  private final Duration retention;

  public NotificationLog(Duration retention) {
    this.retention = retention;
  }

  /** The last entry for an integration ({@code receiver/index}) and group key, or null. */
  public Entry get(String integration, String groupKey) {
    return entries.get(new Key(integration, groupKey));
  }

  /** Records a notification. */
  public void log(String integration, String groupKey, Set<Long> firing, Set<Long> resolved, Instant now) {
    entries.put(new Key(integration, groupKey),
        new Entry(integration, groupKey, firing, resolved, now, now.plus(retention)));
  }

  /** Restores an entry read from disk. */
  public void restore(Entry e) {
    entries.put(new Key(e.integration(), e.groupKey()), e);
  }

  /** Drops expired entries; whether there were any. */
  public boolean expire(Instant now) {
    return entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
  }

  /** Every entry. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }
}
