package dev.tocsin.model.source;

/** A 1-based line and column in a file. */
public record Position(int line, int column) implements Comparable<Position> {
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("position " + line + ":" + column + " is not 1-based");
    }
  }

  @Override
  public int compareTo(Position o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }

  /** {@code L:C}, as promtool prints positions. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
