package dev.tocsin.rules.lint;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;
import java.util.List;

/** A rule name and label set that more than one rule of a file produces, with where each rule is. */
public record DuplicateRule(String metric, Labels labels, List<Position> positions) {
  public DuplicateRule {
    positions = List.copyOf(positions);
  }
}
