package dev.tocsin.engine.state;

import java.nio.file.Path;
import java.util.Objects;

/** A state file that was ignored, and why. */
public record StateFileProblem(Path file, String reason) {
  public StateFileProblem {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(reason, "reason is null");
  }

  /** {@code FILE: REASON}, as logged. */
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
