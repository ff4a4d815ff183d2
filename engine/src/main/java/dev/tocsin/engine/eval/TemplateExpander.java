package dev.tocsin.engine.eval;

import dev.tocsin.model.Labels;
import java.time.Instant;

/**
 * Expands alert label and annotation templates for one query sample, as Prometheus does (the
 * {@code $labels}, {@code $value}, {@code $externalLabels} preamble; expansion errors become the
 * text {@code <error expanding template: …>}).
 */
public interface TemplateExpander {
  /** The expanded text of one template. */
  String expand(String alertName, String template, Labels sampleLabels, double value, Instant ts);
}
