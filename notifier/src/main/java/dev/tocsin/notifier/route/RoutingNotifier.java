package dev.tocsin.notifier.route;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.AlertQueue;
import dev.tocsin.notifier.ExternalLabels;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.QueueWorker;
import dev.tocsin.notifier.config.EmailConfig;
import dev.tocsin.notifier.config.HttpSettings;
import dev.tocsin.notifier.config.IntegrationConfig;
import dev.tocsin.notifier.config.LogConfig;
import dev.tocsin.notifier.config.NotificationConfig;
import dev.tocsin.notifier.config.ReceiverConfig;
import dev.tocsin.notifier.config.WebhookConfig;
import dev.tocsin.notifier.email.EmailIntegration;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.LogIntegration;
import dev.tocsin.notifier.template.NotificationTemplateException;
import dev.tocsin.notifier.template.NotificationTemplates;
import dev.tocsin.notifier.webhook.WebhookIntegration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tocsin's built-in notification routing, configured by an alertmanager.yml: a {@link Dispatcher}
 * driven by threads. Sent alerts are queued and taken in by one thread; one timer thread flushes
 * groups when due; each integration delivers on its own threads, so a slow receiver delays only
 * its own notifications. With a state directory the groups and the notification log are saved at
 * most once a second after a change (waiting up to 5 s for the deliveries in flight to complete)
 * and at close, and restored at start, so a restart neither repeats nor loses notifications; a
 * router started on a directory another open router uses (a reload) takes that router's state
 * over in memory instead of reading a file not yet final.
 */
public final class RoutingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(RoutingNotifier.class);
  /** Default capacity of the router's queue, as for an Alertmanager. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  /**
   * Threads per integration: groups are notified in parallel, as Alertmanager's per-group
   * goroutines are (a burst of hundreds of groups must not queue behind a few slow requests),
   * while a receiver that hangs holds up only its own threads; idle threads end.
   */
  private static final int THREADS_PER_INTEGRATION = 64;
  /**
   * The shortest time between two saves of the state: the whole file is rewritten and forced to
   * disk, which for hundreds of groups costs more than the deliveries it records; close saves last.
   */
  private static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);
  /**
   * How long a save waits at most for the deliveries in flight: written while hundreds of them
   * run, the file competed with them for the CPU and was outdated as soon as they completed.
   */
  private static final Duration MAX_SAVE_DELAY = Duration.ofSeconds(5);
  /** The longest the timer thread sleeps, so a clock that jumps is noticed. */
  private static final long MAX_SLEEP_MILLIS = 1000;

  /**
   * What a router needs besides its configuration.
   *
   * @param counters where the router counts; one instance passed to successive routers keeps counting across reloads
   */
  public record Options(Clock clock, Consumer<String> console, Function<HttpSettings, OkHttpClient> httpClients,
      String externalUrl, Path stateDirectory, int queueCapacity, RouterCounters counters) {
    public Options {
      Objects.requireNonNull(clock, "clock is null");
      Objects.requireNonNull(console, "console is null");
      Objects.requireNonNull(httpClients, "httpClients is null");
      externalUrl = externalUrl == null ? "" : externalUrl;
      counters = counters == null ? new RouterCounters() : counters;
    }

    /** Options with counters of the router's own. */
    public Options(Clock clock, Consumer<String> console, Function<HttpSettings, OkHttpClient> httpClients,
        String externalUrl, Path stateDirectory, int queueCapacity) {
      this(clock, console, httpClients, externalUrl, stateDirectory, queueCapacity, null);
    }

    /** Defaults: a plain HTTP client (http_config with authentication or TLS is refused), no state directory. */
    public static Options of(Clock clock, Consumer<String> console) {
      return new Options(clock, console, RoutingNotifier::plainClient, "", null, DEFAULT_QUEUE_CAPACITY);
    }
  }

  /**
   * The newest router of each state directory: one state file has one writer, so a router started
   * on a directory in use (a configuration reload) waits for the open one to close and takes its
   * final state in memory; guarded by itself.
   */
  private static final Map<Path, RoutingNotifier> BY_STATE_DIRECTORY = new HashMap<>();

  private static final OkHttpClient PLAIN = new OkHttpClient.Builder().callTimeout(Duration.ZERO).build();

  private static OkHttpClient plainClient(HttpSettings s) {
    if (s.isCustom()) {
      throw new IllegalArgumentException("webhook http_config needs the daemon's HTTP client factory");
    }
    return PLAIN;
  }

  private final Dispatcher dispatcher;
  private final Labels externalLabels;
  private final Clock clock;
  private final QueueWorker worker;
  private final DispatcherStateStore store;
  private final Thread timer;
  /** Saves the state off the timer thread, so writing the file never delays a flush. */
  private final ScheduledExecutorService saver;
  private final Object wake = new Object();
  private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
  private final RouterCounters counters;
  /** Deliveries handed to the lanes and not yet completed. */
  private final AtomicInteger inFlight = new AtomicInteger();
  /** When the state was last saved, by {@link System#nanoTime}; only the saving thread uses it. */
  private long lastSave = System.nanoTime();
  private volatile boolean stopping;
  private final Path stateKey;
  /** The router that started on this one's state directory and waits for this one's state; guarded by the map. */
  private RoutingNotifier heir;
  /** The open router whose state this one waits for; guarded by the map. */
  private RoutingNotifier predecessor;
  private boolean closed;

  /** Starts a router over a dispatcher; restores and keeps its state in {@code stateDirectory} when given. */
  public RoutingNotifier(Dispatcher dispatcher, Labels externalLabels, Clock clock, int queueCapacity,
      Path stateDirectory) {
    this(dispatcher, externalLabels, clock, queueCapacity, stateDirectory, new RouterCounters());
  }

  /** Starts a router that counts in {@code counters}, which may outlive it (see {@link RouterCounters}). */
  public RoutingNotifier(Dispatcher dispatcher, Labels externalLabels, Clock clock, int queueCapacity,
      Path stateDirectory, RouterCounters counters) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher is null");
    this.counters = Objects.requireNonNull(counters, "counters is null");
    this.externalLabels = Objects.requireNonNull(externalLabels, "externalLabels is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.store = stateDirectory == null ? null : new DispatcherStateStore(stateDirectory);
    this.stateKey = stateDirectory == null ? null : stateDirectory.toAbsolutePath().normalize();
    // The queue exists before this router is registered: a predecessor may forward to it at once.
    AlertQueue queue = new AlertQueue(queueCapacity, counters::dropped);
    this.worker = new QueueWorker("tocsin-router", queue, queueCapacity, this::ingest);
    // Every receiver's series exist from the start, at zero, as Alertmanager's do.
    dispatcher.receivers().forEach((receiver, integrations) ->
        integrations.forEach(i -> counters.counts(receiver, i.name())));
    counters.opened(this);
    this.timer = new Thread(this::runTimer, "tocsin-router-timer");
    timer.setDaemon(true);
    this.saver = store == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tocsin-router-save");
      t.setDaemon(true);
      return t;
    });
    boolean waits = false;
    if (stateKey != null) {
      synchronized (BY_STATE_DIRECTORY) {
        RoutingNotifier previous = BY_STATE_DIRECTORY.put(stateKey, this);
        if (previous != null && !previous.closed) {
          // Sent alerts wait in the queue until the open router hands its final state over at close.
          previous.heir = this;
          predecessor = previous;
          waits = true;
        }
      }
    }
    if (!waits) {
      if (store != null) {
        try {
          store.load().ifPresent(s -> dispatcher.restore(s, clock.instant()));
        } catch (DispatcherStateStore.StateFileException e) {
          LOG.error("Ignoring the notification log: {}", e.getMessage());
        }
      }
      start();
    }
  }

  private void start() {
    worker.start();
    timer.start();
    if (saver != null) {
      saver.scheduleWithFixedDelay(this::saveIfDirty, SAVE_INTERVAL.toMillis(), SAVE_INTERVAL.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Takes over the final state of the router this one replaced, and starts. */
  private void takeOver(DispatcherState state) {
    dispatcher.restore(state, clock.instant());
    start();
  }

  /** A router for a loaded configuration. */
  public static RoutingNotifier create(NotificationConfig config, Labels externalLabels, Options options) {
    Map<String, List<Integration>> receivers = new LinkedHashMap<>();
    NotificationTemplates templates = null;
    for (ReceiverConfig r : config.receivers()) {
      List<Integration> integrations = new ArrayList<>();
      for (IntegrationConfig ic : r.integrations()) {
        if (ic instanceof LogConfig log) {
          integrations.add(new LogIntegration(log, options.console()));
        } else if (ic instanceof WebhookConfig w) {
          integrations.add(new WebhookIntegration(w, options.httpClients().apply(w.http()), options.externalUrl()));
        } else if (ic instanceof EmailConfig email) {
          templates = templates != null ? templates : templates(config);
          integrations.add(emailIntegration(r.name(), email, templates, options.externalUrl()));
        }
      }
      receivers.put(r.name(), List.copyOf(integrations));
    }
    Dispatcher d = new Dispatcher(config.route(), receivers, config.inhibitRules(), config.timeIntervals(),
        config.global().resolveTimeout());
    return new RoutingNotifier(d, externalLabels, options.clock(), options.queueCapacity(), options.stateDirectory(),
        options.counters());
  }

  /** A router for a loaded configuration whose {@code log} receivers print to {@code console}. */
  public static RoutingNotifier create(NotificationConfig config, Labels externalLabels, Consumer<String> console,
      Clock clock) {
    return create(config, externalLabels, Options.of(clock, console));
  }

  /** The notification templates of a configuration (already checked when it loaded). */
  static NotificationTemplates templates(NotificationConfig config) {
    try {
      return NotificationTemplates.load(config.templates());
    } catch (NotificationTemplateException e) {
      // The loader parsed these files; they changed or vanished since.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The integration of one {@code email_configs} entry; {@code externalUrl} is the templates' {@code .ExternalURL}. */
  static Integration emailIntegration(String receiver, EmailConfig email, NotificationTemplates templates,
      String externalUrl) {
    return new EmailIntegration(receiver, email, templates, externalUrl);
  }

  @Override
  public void send(List<OutgoingAlert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    worker.queue().add(ExternalLabels.applyAll(alerts, externalLabels));
  }

  private void ingest(List<OutgoingAlert> batch) {
    Instant now = clock.instant();
    long resolved = batch.stream().filter(a -> a.resolvedAt(now)).count();
    counters.received(batch.size() - resolved, resolved);
    dispatcher.ingest(batch, now);
    wakeTimer();
  }

  private void wakeTimer() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void runTimer() {
    while (!stopping) {
      try {
        flushDue();
        Instant next = dispatcher.nextFlush();
        long sleep = next == null ? MAX_SLEEP_MILLIS
            : Math.min(MAX_SLEEP_MILLIS, Duration.between(clock.instant(), next).toMillis());

        if (sleep > 0) {
          synchronized (wake) {
            if (!stopping) {
              wake.wait(sleep);
            }
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("The notification router's timer failed", e);
      }
    }
  }

  /** Hands the due deliveries to their integrations' lanes, one {@link Batch} per lane. */
  private void flushDue() {
    List<Delivery> due = dispatcher.due(clock.instant());
    Map<String, Queue<Delivery>> batches = new LinkedHashMap<>();
    for (Delivery d : due) {
      batches.computeIfAbsent(d.integrationKey(), k -> new ConcurrentLinkedQueue<>()).add(d);
    }
    batches.forEach((key, deliveries) -> {
      Delivery first = deliveries.peek();
      RouterCounters.Counts counts = counters.counts(first.notification().receiver(), first.integration().name());
      counts.notifications.addAndGet(deliveries.size());
      inFlight.addAndGet(deliveries.size());
      new Batch(lanes.computeIfAbsent(key, RoutingNotifier::lane), deliveries, counts).startRunner();
    });
  }

  /**
   * One flush's deliveries to one integration, run by up to the lane's thread count of runners
   * that each take deliveries until none is left. The timer starts one runner and each runner
   * starts the next before its first delivery: starting a thread waits until the new thread is
   * scheduled, and when hundreds of groups flush at once (a burst, a restart) the timer, starting
   * a thread per delivery while the started ones took the CPU, handed out the last groups'
   * deliveries hundreds of milliseconds late.
   */
  private final class Batch implements Runnable {
    private final ExecutorService lane;
    private final Queue<Delivery> deliveries;
    private final RouterCounters.Counts counts;
    private final AtomicInteger runners = new AtomicInteger();

    Batch(ExecutorService lane, Queue<Delivery> deliveries, RouterCounters.Counts counts) {
      this.lane = lane;
      this.deliveries = deliveries;
      this.counts = counts;
    }

    /** Starts one more runner while deliveries are left and the lane has threads to spare. */
    void startRunner() {
      if (!deliveries.isEmpty() && runners.getAndIncrement() < THREADS_PER_INTEGRATION) {
        try {
          lane.execute(this);
        } catch (RejectedExecutionException e) {
          // The router is closing: the runners already started finish the batch.
        }
      }
    }

    @Override
    public void run() {
      startRunner();
      for (Delivery d = deliveries.poll(); d != null; d = deliveries.poll()) {
        try {
          dispatcher.run(d, clock::instant, counts.failed::incrementAndGet);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    }
  }

  private static ExecutorService lane(String integrationKey) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS_PER_INTEGRATION, THREADS_PER_INTEGRATION, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "tocsin-notify-" + integrationKey);
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private void saveIfDirty() {
    if (!dispatcher.dirty() || inFlight.get() > 0 && System.nanoTime() - lastSave < MAX_SAVE_DELAY.toNanos()) {
      return;
    }
    lastSave = System.nanoTime();
    try {
      store.save(dispatcher.snapshot());
    } catch (IOException | RuntimeException e) {
      // Caught whatever it is: an escaping exception would end the scheduled saves for good.
      LOG.error("Cannot save the notification log to {}: {}", store.file(), e.getMessage());
    }
  }

  /**
   * Closes a router that never started because it waited for its predecessor (a reload that
   * failed after creating it): the predecessor keeps its directory and state, queued alerts are
   * dropped and counted.
   */
  private boolean abandonedWhileWaiting() {
    synchronized (BY_STATE_DIRECTORY) {
      if (predecessor == null) {
        return false;
      }
      closed = true;
      predecessor.heir = null;
      BY_STATE_DIRECTORY.replace(stateKey, this, predecessor);
      predecessor = null;
    }
    saver.shutdownNow();
    counters.closed(this);
    return true;
  }

  /** Lets the deliveries already handed to the lanes finish until {@code untilNanos}; runs no new ones. */
  private void awaitLanes(long untilNanos) {
    for (ExecutorService lane : lanes.values()) {
      lane.shutdown();
    }
    for (ExecutorService lane : lanes.values()) {
      try {
        lane.awaitTermination(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void stopSaver() {
    saver.shutdown();
    try {
      // A save in progress finishes first, so the final save below is the last write.
      saver.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The totals of this router's counters (with those of the routers it shares them with) and the
   * length of its own queue.
   */
  public RouterStats stats() {
    long notifications = 0;
    long failed = 0;
    for (RouterCounters.IntegrationCounts c : counters.integrations().values()) {
      notifications += c.notifications();
      failed += c.failed();
    }
    return new RouterStats(counters.receivedFiring() + counters.receivedResolved(), notifications, failed,
        counters.dropped(), queueLength());
  }

  int queueLength() {
    return worker.queue().size();
  }

  int aggregationGroups() {
    return dispatcher.groupCount();
  }

  /**
   * Takes in what is queued, flushes the groups due by then, waits for deliveries until the
   * deadline and saves the state; groups still waiting keep their timers in the saved state.
   */
  @Override
  public void close(Duration deadline) {
    long until = System.nanoTime() + Math.max(0, deadline.toNanos());
    if (abandonedWhileWaiting()) {
      QueueWorker.closeAll(List.of(worker), Duration.ZERO);
      return;
    }
    QueueWorker.closeAll(List.of(worker), deadline);
    stopping = true;
    wakeTimer();
    try {
      timer.join(TimeUnit.NANOSECONDS.toMillis(Math.max(0, until - System.nanoTime())) + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushDue();
    awaitLanes(until);
    for (ExecutorService lane : lanes.values()) {
      lane.shutdownNow();
    }
    if (store != null) {
      stopSaver();
      DispatcherState last = dispatcher.snapshot();
      // Saved before an heir starts, so its saves always come after this one.
      try {
        store.save(last);
      } catch (IOException e) {
        LOG.error("Cannot save the notification log to {}: {}", store.file(), e.getMessage());
      }
      RoutingNotifier next;
      synchronized (BY_STATE_DIRECTORY) {
        closed = true;
        next = heir;
        heir = null;
        BY_STATE_DIRECTORY.remove(stateKey, this);
        if (next != null) {
          // Under the lock, so the heir either starts with this state or was abandoned first.
          next.predecessor = null;
          next.takeOver(last);
        }
      }
    }
    counters.closed(this);
  }
}
