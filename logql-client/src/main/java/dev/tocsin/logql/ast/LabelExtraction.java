package dev.tocsin.logql.ast;

import java.util.Objects;

/** A {@code label="expression"} parameter of {@code json} or {@code logfmt}; {@code | json a} means {@code a="a"}. */
public record LabelExtraction(String label, String expression) {
  public LabelExtraction {
    Objects.requireNonNull(label, "label is null");
    Objects.requireNonNull(expression, "expression is null");
  }
}
