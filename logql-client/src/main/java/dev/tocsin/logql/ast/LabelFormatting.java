package dev.tocsin.logql.ast;

import java.util.Objects;

/** One {@code label_format} assignment: a rename ({@code dst=src}) or a template ({@code dst="{{.src}}"}). */
public record LabelFormatting(String name, String value, boolean rename) {
  public LabelFormatting {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(value, "value is null");
  }
}
