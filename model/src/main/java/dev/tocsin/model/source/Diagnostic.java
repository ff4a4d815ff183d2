package dev.tocsin.model.source;

import java.util.List;
import java.util.Objects;

/**
 * One error or finding about a rule file: which check produced it, how serious it is, where it is
 * (zero or more positions, the first being the main one), the promtool-style context ({@code group
 * "g", rule 2, "Name"}) and the message.
 */
public record Diagnostic(
    String checkId, Severity severity, String file, List<Position> positions, String context, String message) {

  public Diagnostic {
    Objects.requireNonNull(checkId, "checkId is null");
    Objects.requireNonNull(severity, "severity is null");
    Objects.requireNonNull(file, "file is null");
    positions = List.copyOf(positions);
    Objects.requireNonNull(context, "context is null");
    Objects.requireNonNull(message, "message is null");
  }

  /** An error at one position (or none) without rule context. */
  public static Diagnostic error(String checkId, String file, Position position, String message) {
    return new Diagnostic(checkId, Severity.ERROR, file, position == null ? List.of() : List.of(position), "", message);
  }

  /** The main position, or {@code null} if the diagnostic has none. */
  public Position position() {
    return positions.isEmpty() ? null : positions.get(0);
  }

  /**
   * The line as promtool prints it, with positions: {@code file: L:C: [L2:C2: ]group "g", rule 1,
   * "x": message}.
   */
  public String format() {
    StringBuilder sb = new StringBuilder(file).append(": ");
    for (Position p : positions) {
      sb.append(p).append(": ");
    }
    if (!context.isEmpty()) {
      sb.append(context).append(": ");
    }
    return sb.append(message).toString();
  }
}
