package dev.tocsin.template.value;

import java.util.List;

/**
 * A Go struct (or pointer to struct) whose exported fields and methods a template can reach with
 * {@code .Name}.
 */
public interface GoStruct {
  /** Marker returned by {@link #field} and {@link #method} for a name the struct does not have. */
  Object ABSENT = new Object();

  /** The Go type name, e.g. {@code *template.sample}. */
  String goType();

  /** The field's value, or {@link #ABSENT}. */
  Object field(String name);

  /** Whether this value is a pointer to a struct (fmt prints it with a leading {@code &}). */
  default boolean isPointer() {
    return false;
  }

  /** The field values in declaration order, for fmt's {@code {a b}} printing. */
  List<Object> fieldValues();

  /** The field names in declaration order, for fmt's {@code %+v} ({@code {A:a B:b}}). */
  default List<String> fieldNames() {
    return List.of();
  }

  /**
   * Calls a method, or returns {@link #ABSENT} when there is none; {@code args} are Go values.
   *
   * @throws IllegalArgumentException with Go's error text when the call fails
   */
  default Object method(String name, List<Object> args) {
    return ABSENT;
  }
}
