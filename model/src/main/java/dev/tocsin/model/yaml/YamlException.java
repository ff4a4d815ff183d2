package dev.tocsin.model.yaml;

import dev.tocsin.model.source.Position;

/** A YAML file that cannot be read at all: too large, not UTF-8, or not well-formed YAML. */
public final class YamlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Position position;

  public YamlException(Position position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  /** Where the problem is, or {@code null}. */
  public Position position() {
    return position;
  }
}
