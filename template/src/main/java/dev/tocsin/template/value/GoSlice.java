package dev.tocsin.template.value;

import java.util.List;

/**
 * An immutable Go slice with a type name, e.g. Prometheus' {@code template.queryResult}.
 *
 * @param goType the Go type name used in error messages and {@code %T}
 * @param items the elements, already Go values
 */
public record GoSlice(String goType, List<Object> items) {
  /** Go type name of slices of arbitrary values. */
  public static final String ANY_SLICE = "[]interface {}";

  public GoSlice {
    items = List.copyOf(items);
  }

  /** A {@code []interface {}} slice. */
  public static GoSlice of(List<?> items) {
    return new GoSlice(ANY_SLICE, List.copyOf(items));
  }

  public int size() {
    return items.size();
  }
}
