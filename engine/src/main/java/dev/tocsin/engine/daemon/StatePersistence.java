package dev.tocsin.engine.daemon;

import java.time.Instant;

/** Where alert state goes between evaluations and across restarts. */
public interface StatePersistence {
  /** Keeps nothing: state lives only as long as the process. */
  StatePersistence NONE = new StatePersistence() {
    @Override
    public void restore(GroupRunner runner, Instant now) {}

    @Override
    public void save(GroupRunner runner) {}
  };

  /** Restores a new runner's alerts from what was saved before a restart. */
  void restore(GroupRunner runner, Instant now);

  /** Saves a runner's alerts after an evaluation (and at shutdown). */
  void save(GroupRunner runner);
}
