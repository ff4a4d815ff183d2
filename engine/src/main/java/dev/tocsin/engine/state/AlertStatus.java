package dev.tocsin.engine.state;

import java.util.Locale;

/** The state of one alert, ordered so that the maximum over a rule's alerts is the rule's state. */
public enum AlertStatus {
  INACTIVE,
  PENDING,
  FIRING;

  /** The lower-case name used in {@code ALERTS{alertstate=…}} and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
