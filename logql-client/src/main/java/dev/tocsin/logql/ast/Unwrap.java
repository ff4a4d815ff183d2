package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.util.List;
import java.util.Objects;

/**
 * {@code | unwrap label}, optionally converted ({@code duration(label)}), followed by the label
 * filters Loki allows after it ({@code | __error__=""}).
 */
public record Unwrap(Span span, String label, UnwrapConversion conversion, List<LabelFilter> postFilters) {
  public Unwrap {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(label, "label is null");
    Objects.requireNonNull(conversion, "conversion is null");
    postFilters = List.copyOf(postFilters);
  }
}
