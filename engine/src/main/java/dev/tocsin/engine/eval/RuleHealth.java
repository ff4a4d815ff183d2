package dev.tocsin.engine.eval;

import java.util.Locale;

/** A rule's health after its last evaluation, as Prometheus' API reports it. */
public enum RuleHealth {
  UNKNOWN,
  OK,
  ERR;

  /** The lower-case name used in the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
