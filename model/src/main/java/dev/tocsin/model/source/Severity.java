package dev.tocsin.model.source;

/** How serious a diagnostic is: errors fail {@code check rules}, warnings and lint findings do not. */
public enum Severity {
  ERROR,
  WARNING,
  LINT
}
