package dev.tocsin.notifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A bounded, thread-safe queue of alerts waiting for delivery. When full it drops the oldest
 * alerts in favour of newer ones and counts them, as Prometheus' notification queue does: a newer
 * alert state is worth more than an older one, and the rule manager resends firing alerts anyway.
 */
public final class AlertQueue {
  private final int capacity;
  private final ArrayDeque<OutgoingAlert> items = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final IntConsumer onDrop;
  private long dropped;
  private boolean closed;

  public AlertQueue(int capacity) {
    this(capacity, n -> {});
  }

  /** A queue that also reports every drop to {@code onDrop}, for counters that outlive it. */
  public AlertQueue(int capacity, IntConsumer onDrop) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.onDrop = onDrop;
  }

  /** Counts {@code n} dropped alerts; called with the lock held. */
  private void drop(int n) {
    if (n > 0) {
      dropped += n;
      onDrop.accept(n);
    }
  }

  /**
   * Appends alerts, dropping the oldest queued ones beyond capacity (and the oldest of {@code
   * alerts} when they alone exceed it). After {@link #close()} every alert is dropped.
   *
   * @return how many alerts were dropped by this call
   */
  public int add(List<OutgoingAlert> alerts) {
    lock.lock();
    try {
      if (closed) {
        drop(alerts.size());
        return alerts.size();
      }
      int drop = 0;
      List<OutgoingAlert> in = alerts;
      if (in.size() > capacity) {
        drop += in.size() - capacity;
        in = in.subList(in.size() - capacity, in.size());
      }
      for (int over = items.size() + in.size() - capacity; over > 0; over--) {
        items.pollFirst();
        drop++;
      }
      items.addAll(in);
      drop(drop);
      changed.signalAll();
      return drop;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until alerts are queued or the queue is closed, then takes up to {@code max} of the
   * oldest. An empty result means the queue is closed and empty.
   */
  public List<OutgoingAlert> take(int max) throws InterruptedException {
    lock.lock();
    try {
      while (items.isEmpty() && !closed) {
        changed.await();
      }
      List<OutgoingAlert> out = new ArrayList<>(Math.min(max, items.size()));
      while (out.size() < max && !items.isEmpty()) {
        out.add(items.pollFirst());
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Refuses further alerts (they count as dropped) and wakes a waiting {@link #take}. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Drops everything still queued, counting it; returns how many alerts that was. */
  public int dropAll() {
    lock.lock();
    try {
      int n = items.size();
      items.clear();
      drop(n);
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** The number of alerts waiting. */
  public int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many alerts were dropped so far: overflow, after close, and by {@link #dropAll()}. */
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  public int capacity() {
    return capacity;
  }
}
