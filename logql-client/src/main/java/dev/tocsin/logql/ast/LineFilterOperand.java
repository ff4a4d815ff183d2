package dev.tocsin.logql.ast;

import java.util.Objects;

/** One operand of a line filter: a string (text, regex or pattern) or {@code ip("cidr")}. */
public record LineFilterOperand(String value, boolean ip) {
  public LineFilterOperand {
    Objects.requireNonNull(value, "value is null");
  }
}
