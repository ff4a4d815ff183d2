package dev.tocsin.notifier.template;

import dev.tocsin.template.value.GoStruct;
import java.util.AbstractList;
import java.util.List;

/**
 * A named Go slice type with methods, such as {@code template.Alerts}: templates range over it and
 * call its methods, e.g. {@code .Alerts.Firing}.
 *
 * @param <T> the element type
 */
abstract class MethodSlice<T> extends AbstractList<Object> implements GoStruct {
  private final List<T> items;

  MethodSlice(List<T> items) {
    this.items = List.copyOf(items);
  }

  /** The elements. */
  final List<T> items() {
    return items;
  }

  @Override
  public final Object get(int index) {
    return items.get(index);
  }

  @Override
  public final int size() {
    return items.size();
  }

  @Override
  public final Object field(String name) {
    return ABSENT;
  }

  @Override
  public final List<Object> fieldValues() {
    return List.copyOf(items);
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof MethodSlice<?> other && getClass() == other.getClass() && items.equals(other.items);
  }

  @Override
  public final int hashCode() {
    return items.hashCode();
  }
}
