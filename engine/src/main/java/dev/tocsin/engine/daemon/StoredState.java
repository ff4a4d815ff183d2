package dev.tocsin.engine.daemon;

import dev.tocsin.engine.state.GroupSnapshot;
import dev.tocsin.engine.state.LoadedState;
import dev.tocsin.engine.state.RestorePlan;
import dev.tocsin.engine.state.StateFileProblem;
import dev.tocsin.engine.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert state kept in a state directory: each group saved after its evaluations, and restored at start
 * when the outage was shorter than the tolerance. A
 * file that cannot be read or written is logged and otherwise ignored: state is a convenience,
 * never a reason to stop evaluating.
 */
public final class StoredState implements StatePersistence {
  private static final Logger LOG = LoggerFactory.getLogger(StoredState.class);

  private final StateStore store;
  private final Duration outageTolerance;
  private final Clock clock;
  private LoadedState saved;

  public StoredState(StateStore store, Duration outageTolerance, Clock clock) {
    this.store = store;
    this.outageTolerance = outageTolerance;
    this.clock = clock;
  }

  @Override
  public synchronized void restore(GroupRunner runner, Instant now) {
    if (saved == null) {
      saved = store.loadAll();
      for (StateFileProblem p : saved.problems()) {
        LOG.warn("ignoring state file {}: {}", p.file(), p.reason());
      }
    }
    saved.find(runner.key().file(), runner.key().name()).ifPresent(s -> {
      RestorePlan plan = runner.restore(s, now, outageTolerance);
      plan.notes().forEach(n -> LOG.info("group {}: {}", runner.key().metricLabel(), n));
      if (plan.alertCount() > 0) {
        LOG.info("group {}: restored {} alerts saved at {}", runner.key().metricLabel(), plan.alertCount(),
            s.evaluatedAt());
      }
    });
  }

  @Override
  public void save(GroupRunner runner) {
    GroupSnapshot s = runner.snapshot(clock.instant());
    try {
      store.save(s);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot save the state of group {} to {}: {}", runner.key().metricLabel(), store.directory(),
          e.getMessage());
    }
  }
}
