package dev.tocsin.engine.daemon;

import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.eval.AlertNotification;
import dev.tocsin.engine.eval.EvaluationSettings;
import dev.tocsin.engine.eval.GroupEvaluation;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.PrometheusTemplateExpander;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the rule groups of a configuration scheduled on their slots against the
 * configured datasources, alerts handed to the notifiers, state persisted after each evaluation,
 * and reloads that keep unchanged groups running and hand alert state to changed ones.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final Clock clock;
  private final ComponentFactory factory;
  private final DaemonMetrics metrics;
  private final StatePersistence persistence;
  private final GroupScheduler scheduler;
  private final Instant started;
  private Runtime runtime;
  private volatile Map<GroupKey, GroupRunner> runners = Map.of();
  private volatile boolean restored;

  /** What a configuration's non-rule parts give: the datasources and the notifiers. */
  public record Components(Datasources datasources, List<Notifier> notifiers) {
    public Components {
      Objects.requireNonNull(datasources, "datasources is null");
      notifiers = List.copyOf(notifiers);
    }
  }

  /** Builds the components of a configuration. */
  public interface ComponentFactory {
    /** @throws IllegalArgumentException with a message for the operator when a part cannot be built */
    Components create(TocsinConfig config, Instant start);
  }

  /** A configuration in force: the config, its components and its rule files. */
  private record Runtime(TocsinConfig config, Components components, List<RuleFile> ruleFiles) {}

  /** Thrown when a configuration cannot be started; the message lists every problem, one per line. */
  public static final class StartException extends Exception {
    private static final long serialVersionUID = 1L;

    StartException(String message) {
      super(message, null, false, false);
    }
  }

  public Daemon(Clock clock, ComponentFactory factory, DaemonMetrics metrics, StatePersistence persistence,
      int workers) {
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.factory = Objects.requireNonNull(factory, "factory is null");
    this.metrics = Objects.requireNonNull(metrics, "metrics is null");
    this.persistence = Objects.requireNonNull(persistence, "persistence is null");
    this.scheduler = new GroupScheduler(workers);
    this.started = clock.instant();
  }

  /** Loads the configuration's rules, restores saved state and starts evaluating. */
  public synchronized void start(TocsinConfig config) throws StartException {
    Runtime rt = prepare(config);
    Map<GroupKey, GroupRunner> next = new LinkedHashMap<>();
    for (RuleFile f : rt.ruleFiles()) {
      for (RuleGroup g : f.groups()) {
        GroupRunner r = runner(rt, f.path(), g);
        persistence.restore(r, clock.instant());
        next.put(r.key(), r);
      }
    }
    restored = true;
    runtime = rt;
    runners = next;
    Instant now = clock.instant();
    for (GroupRunner r : next.values()) {
      metrics.register(r);
      scheduler.schedule(r, now);
    }
    metrics.configLoaded(true, clock.instant());
    LOG.atInfo().addKeyValue("event", "started").addKeyValue("groups", next.size())
        .addKeyValue("rule_files", rt.ruleFiles().size())
        .log("started: {} rule groups from {} rule files", next.size(), rt.ruleFiles().size());
  }

  /**
   * Applies a new configuration: unchanged groups keep running untouched, changed ones start anew
   * with the old alert state, removed ones stop. An invalid configuration changes nothing.
   *
   * @throws StartException with the reasons when the new configuration is rejected
   */
  public synchronized void reload(TocsinConfig config) throws StartException {
    Runtime old = runtime;
    boolean sameComponents = old != null && sameComponents(old.config(), config);
    Runtime rt;
    try {
      rt = sameComponents ? loadRules(config, old.components()) : prepare(config);
    } catch (StartException e) {
      metrics.configLoaded(false, clock.instant());
      throw e;
    }
    Map<GroupKey, GroupRunner> previous = runners;
    Map<GroupKey, GroupRunner> next = new LinkedHashMap<>();
    List<GroupRunner> started = new ArrayList<>();
    for (RuleFile f : rt.ruleFiles()) {
      for (RuleGroup g : f.groups()) {
        GroupKey key = new GroupKey(f.path(), g.name());
        GroupRunner running = previous.get(key);
        if (sameComponents && running != null && GroupDefinitions.same(running.evaluator().group(), g)
            && running.interval().equals(interval(rt.config(), g))) {
          next.put(key, running);
          continue;
        }
        GroupRunner r = runner(rt, f.path(), g);
        if (running != null) {
          // A changed group carries on with the old one's alerts, matched by rule name and labels.
          r.inherit(running.snapshot(clock.instant())).notes()
              .forEach(n -> LOG.atInfo().addKeyValue("event", "state_inherited").addKeyValue("rule_group", key.metricLabel())
                  .log("group {}: {}", key.metricLabel(), n));
        }
        next.put(key, r);
        started.add(r);
      }
    }
    for (GroupRunner r : previous.values()) {
      if (next.get(r.key()) != r) {
        scheduler.unschedule(r);
        if (!next.containsKey(r.key())) {
          metrics.remove(r.key());
        }
      }
    }
    Instant now = clock.instant();
    for (GroupRunner r : started) {
      metrics.register(r);
      scheduler.schedule(r, now);
    }
    runtime = rt;
    runners = next;
    if (old != null && !sameComponents) {
      closeNotifiers(old.components(), Duration.ofSeconds(5));
    }
    metrics.configLoaded(true, clock.instant());
    LOG.atInfo().addKeyValue("event", "reloaded").addKeyValue("groups", next.size())
        .addKeyValue("restarted", started.size()).addKeyValue("unchanged", next.size() - started.size())
        .log("reloaded: {} rule groups, {} restarted, {} unchanged", next.size(), started.size(),
            next.size() - started.size());
  }

  /** The groups running now, in file and group order. */
  public List<GroupStatus> groups() {
    List<GroupStatus> out = new ArrayList<>();
    for (GroupRunner r : runners.values()) {
      out.add(r.status());
    }
    return out;
  }

  /** The generatorURL of a rule's alerts, or {@code null} when its group is no longer running. */
  public String generatorUrl(GroupKey group, AlertingRule rule) {
    GroupRunner r = runners.get(group);
    return r == null ? null : r.evaluator().generatorUrl(rule);
  }

  /** Ready once state is restored and every group has been evaluated once. */
  public boolean ready() {
    if (!restored) {
      return false;
    }
    for (GroupRunner r : runners.values()) {
      if (!r.status().evaluated()) {
        return false;
      }
    }
    return true;
  }

  /** The configuration in force. */
  public synchronized TocsinConfig config() {
    return runtime == null ? null : runtime.config();
  }

  /** When the daemon started. */
  public Instant startedAt() {
    return started;
  }

  /** Stops evaluating, waits for running evaluations, saves state and drains notifiers within {@code deadline}. */
  public synchronized void close(Duration deadline) {
    scheduler.close();
    for (GroupRunner r : runners.values()) {
      persistence.save(r);
    }
    if (runtime != null) {
      closeNotifiers(runtime.components(), deadline);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  private static void closeNotifiers(Components c, Duration deadline) {
    for (Notifier n : c.notifiers()) {
      n.close(deadline);
    }
  }

  private Runtime prepare(TocsinConfig config) throws StartException {
    Components components;
    try {
      components = factory.create(config, started);
    } catch (IllegalArgumentException e) {
      throw new StartException(e.getMessage());
    }
    try {
      return loadRules(config, components);
    } catch (StartException e) {
      closeNotifiers(components, Duration.ZERO);
      throw e;
    }
  }

  private static Runtime loadRules(TocsinConfig config, Components components) throws StartException {
    // The daemon shows positions only in errors, and the loader reads a file again for those.
    RuleFileLoader loader = new RuleFileLoader(LoadOptions.DEFAULT.withoutPositions());
    List<RuleFile> files = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Path p : config.ruleFiles()) {
      LoadResult r = loader.load(p);
      if (r.hasErrors()) {
        r.errors().stream().map(Diagnostic::format).forEach(errors::add);
      } else {
        files.add(r.file());
      }
    }
    if (!errors.isEmpty()) {
      throw new StartException(String.join("\n", errors));
    }
    return new Runtime(config, components, files);
  }

  private static boolean sameComponents(TocsinConfig a, TocsinConfig b) {
    return a.datasources().equals(b.datasources()) && a.alerting().equals(b.alerting())
        && Objects.equals(a.notifications(), b.notifications()) && a.global().equals(b.global())
        && a.state().equals(b.state());
  }

  private static Duration interval(TocsinConfig config, RuleGroup g) {
    return g.interval() != null ? g.interval() : config.global().evaluationInterval();
  }

  private GroupRunner runner(Runtime rt, String file, RuleGroup g) {
    TocsinConfig c = rt.config();
    Datasources ds = rt.components().datasources();
    String externalUrl = c.global().externalUrl();
    EvaluationSettings settings = new EvaluationSettings(interval(c, g),
        g.queryOffset() != null ? g.queryOffset() : c.global().ruleQueryOffset(), c.alerting().resendDelay(),
        c.global().externalLabels(), externalUrl, ds.promqlLinkBase() == null ? externalUrl : ds.promqlLinkBase(),
        ds.grafanaUrl());
    PrometheusTemplateExpander templates =
        new PrometheusTemplateExpander(ds.templateQueries(), c.global().externalLabels(), externalUrl,
            metrics::templateExpansionFailed);
    GroupEvaluator evaluator = new GroupEvaluator(g, ds.clients(), settings, ds.sink(), templates, System::nanoTime);
    List<Notifier> notifiers = rt.components().notifiers();
    return new GroupRunner(new GroupKey(file, g.name()), settings.interval(), evaluator, clock,
        (runner, evaluation, missed, evaluationId) -> afterEvaluation(runner, evaluation, missed, evaluationId,
            notifiers));
  }

  private void afterEvaluation(GroupRunner runner, GroupEvaluation evaluation, long missed, String evaluationId,
      List<Notifier> notifiers) {
    metrics.evaluated(runner, evaluation, missed);
    if (!evaluation.notifications().isEmpty()) {
      List<OutgoingAlert> out = new ArrayList<>(evaluation.notifications().size());
      for (AlertNotification n : evaluation.notifications()) {
        out.add(outgoing(n, evaluationId));
      }
      for (Notifier notifier : notifiers) {
        notifier.send(out);
      }
    }
    persistence.save(runner);
  }

  /** Prometheus' alert for Alertmanager: starts when it fired, ends when resolved or when its validity runs out. */
  static OutgoingAlert outgoing(AlertNotification n, String evaluationId) {
    Alert a = n.alert();
    Instant startsAt = a.firedAt() != null ? a.firedAt() : a.activeAt();
    Instant endsAt = a.resolvedAt() != null ? a.resolvedAt() : a.validUntil();
    return new OutgoingAlert(a.labels(), a.annotations(), startsAt, endsAt, n.generatorUrl(), evaluationId);
  }
}
