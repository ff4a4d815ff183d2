package dev.tocsin.model;

import java.util.Objects;

/** One name/value pair of a {@link Labels} set. */
public record Label(String name, String value) {
  public Label {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(value, "value is null");
  }
}
