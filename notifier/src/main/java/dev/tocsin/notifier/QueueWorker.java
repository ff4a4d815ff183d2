package dev.tocsin.notifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery thread that takes batches from an {@link AlertQueue} and hands them to a handler,
 * and that on close keeps delivering until the queue is empty or a deadline passes, whichever
 * comes first; what is left then is dropped and counted by the queue.
 */
public final class QueueWorker {
  private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
  /** How long to wait for the thread after the deadline, once the in-flight batch is aborted. */
  private static final long ABORT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Delivers one batch; called on the worker thread only. */
  public interface BatchHandler {
    /** Delivers a batch; failures are the handler's to count and log. */
    void deliver(List<OutgoingAlert> batch);

    /** Interrupts an in-flight delivery when the close deadline has passed (e.g. cancels a call). */
    default void abort() {}
  }

  private final AlertQueue queue;
  private final int batchSize;
  private final BatchHandler handler;
  private final Thread thread;
  private volatile long deadlineNanos;
  private volatile boolean closing;

  public QueueWorker(String threadName, AlertQueue queue, int batchSize, BatchHandler handler) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.queue = queue;
    this.batchSize = batchSize;
    this.handler = handler;
    this.thread = new Thread(this::run, threadName);
    // A daemon, so that a JVM exiting without close() is not held up; close() is what drains.
    thread.setDaemon(true);
  }

  /** Starts the delivery thread. */
  public void start() {
    thread.start();
  }

  private void run() {
    try {
      while (!(closing && System.nanoTime() - deadlineNanos >= 0)) {
        List<OutgoingAlert> batch = queue.take(batchSize);
        if (batch.isEmpty()) {
          return;
        }
        try {
          handler.deliver(batch);
        } catch (RuntimeException e) {
          LOG.error("Delivering {} alerts failed on {}", batch.size(), thread.getName(), e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      int left = queue.dropAll();
      if (left > 0) {
        LOG.warn("{}: {} queued alerts dropped at the shutdown deadline", thread.getName(), left);
      }
    }
  }

  /** Stops accepting alerts and lets the thread drain the queue until {@code deadlineNanos} ({@link System#nanoTime()}). */
  public void beginClose(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    this.closing = true;
    queue.close();
  }

  /**
   * Waits for the thread to finish draining until the deadline; past it, aborts the in-flight
   * batch, interrupts the thread and waits briefly for it to stop.
   */
  public void awaitClose() {
    try {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
      }
      if (thread.isAlive()) {
        handler.abort();
        thread.interrupt();
        thread.join(TimeUnit.NANOSECONDS.toMillis(ABORT_GRACE_NANOS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes several workers in parallel against one deadline. */
  public static void closeAll(List<QueueWorker> workers, Duration deadline) {
    long until = System.nanoTime() + Math.max(0, deadline.toNanos());
    workers.forEach(w -> w.beginClose(until));
    workers.forEach(QueueWorker::awaitClose);
  }

  /** The queue this worker drains. */
  public AlertQueue queue() {
    return queue;
  }
}
