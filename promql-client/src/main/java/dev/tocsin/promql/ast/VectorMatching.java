package dev.tocsin.promql.ast;

import java.util.List;
import java.util.Objects;

/**
 * How the two sides of a binary operation between instant vectors are matched.
 *
 * @param matchingLabels the labels of {@code on(...)} or {@code ignoring(...)}
 * @param on whether {@code on} (rather than {@code ignoring}) was given
 * @param include the extra labels of {@code group_left(...)} or {@code group_right(...)}
 */
public record VectorMatching(Card card, List<String> matchingLabels, boolean on, List<String> include) {
  /** The cardinality of the matching. */
  public enum Card {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY
  }

  public VectorMatching {
    Objects.requireNonNull(card, "card is null");
    matchingLabels = List.copyOf(matchingLabels);
    include = List.copyOf(include);
  }
}
