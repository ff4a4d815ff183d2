package dev.tocsin.rules.model;

import dev.tocsin.model.source.ScalarSource;
import java.util.Objects;

/**
 * A rule's expression: its text, the language it was routed to, the parsed tree, and where it sits
 * in the file so positions inside it can be reported.
 */
public record RuleQuery(String text, QueryLanguage language, ParsedQuery parsed, ScalarSource source) {
  public RuleQuery {
    Objects.requireNonNull(text, "text is null");
    Objects.requireNonNull(language, "language is null");
    Objects.requireNonNull(parsed, "parsed is null");
  }
}
