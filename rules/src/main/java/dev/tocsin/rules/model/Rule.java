package dev.tocsin.rules.model;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;

/** A rule of a group: an alerting or a recording rule. */
public sealed interface Rule permits AlertingRule, RecordingRule {
  /** The alert name or the record name. */
  String name();

  /** The expression. */
  RuleQuery query();

  /** The rule's own labels (templates for alerting rules, literal for recording rules). */
  Labels labels();

  /** Where the rule's mapping starts in the file. */
  Position position();
}
