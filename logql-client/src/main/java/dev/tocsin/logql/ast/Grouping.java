package dev.tocsin.logql.ast;

import java.util.List;

/** A {@code by (...)} or {@code without (...)} clause; the label list may be empty. */
public record Grouping(boolean without, List<String> labels) {
  public Grouping {
    labels = List.copyOf(labels);
  }
}
