package dev.tocsin.template.value;

/** A Go value with a {@code String()} method, which fmt uses for {@code %v} and {@code %s}. */
public interface GoStringer {
  /** The Go value's type name, e.g. {@code *time.Time}. */
  String goType();

  /** What Go's {@code String()} method returns. */
  String goString();
}
