package dev.tocsin.model.source;

/**
 * Maps character offsets in a YAML scalar's value back to file positions, through the scalar's
 * style: plain and quoted scalars fold lines and (double-quoted) decode escapes, block scalars
 * ({@code |}, {@code >}) strip indentation. The mapping is computed only when a diagnostic needs
 * it, because almost every expression parses cleanly.
 */
public final class ScalarSource {
  /** How the scalar was written in the file. */
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  private final SourceText source;
  private final int startLine;
  private final int startChar;
  private final Style style;
  private final String value;
  private int[] lineOf;
  private int[] charOf;

  public ScalarSource(SourceText source, int startLine, int startChar, Style style, String value) {
    this.source = source;
    this.startLine = startLine;
    this.startChar = startChar;
    this.style = style;
    this.value = value;
  }

  /** The scalar's decoded value. */
  public String value() {
    return value;
  }

  /** The position where the scalar starts (its quote or block indicator). */
  public Position start() {
    return source.position(startLine, startChar);
  }

  /** The file position of a character offset in the value; offsets past the end map to the end. */
  public Position positionOf(int offset) {
    if (lineOf == null) {
      computeMapping();
    }
    if (value.isEmpty()) {
      return start();
    }
    int i = Math.max(0, Math.min(offset, value.length() - 1));
    Position p = source.position(lineOf[i], charOf[i]);
    if (offset >= value.length()) {
      return new Position(p.line(), p.column() + 1);
    }
    return p;
  }

  private void computeMapping() {
    int n = value.length();
    int[] lines = new int[n];
    int[] chars = new int[n];
    boolean block = style == Style.LITERAL || style == Style.FOLDED;
    int li = startLine;
    int ci = startChar;
    int indent = 0;
    if (block) {
      li = startLine + 1;
      indent = blockIndent(li);
      ci = indent;
    } else if (style != Style.PLAIN) {
      ci++; // the opening quote
    }
    int lastLine = source.lineCount() - 1;
    int i = 0;
    while (i < n) {
      char v = value.charAt(i);
      if (li > lastLine) {
        lines[i] = lastLine;
        chars[i] = source.line(lastLine).length();
        i++;
        continue;
      }
      String line = source.line(li);
      if (ci >= line.length()) {
        if (v == '\n' || v == ' ') {
          lines[i] = li;
          chars[i] = ci;
          i++;
        }
        li++;
        ci = block ? Math.min(indent, source.line(li).length()) : 0;
        continue;
      }
      char r = line.charAt(ci);
      if (style == Style.DOUBLE_QUOTED && r == '\\') {
        if (ci + 1 >= line.length()) { // an escaped line break produces nothing
          li++;
          ci = 0;
          continue;
        }
        lines[i] = li;
        chars[i] = ci;
        i++;
        ci += escapeLength(line.charAt(ci + 1));
        continue;
      }
      if (style == Style.SINGLE_QUOTED && r == '\'' && ci + 1 < line.length() && line.charAt(ci + 1) == '\'') {
        lines[i] = li;
        chars[i] = ci;
        i++;
        ci += 2;
        continue;
      }
      if (r == v || (Character.isHighSurrogate(r) && v == r)) {
        lines[i] = li;
        chars[i] = ci;
        i++;
        ci++;
      } else if (r == ' ' || r == '\t') {
        ci++;
      } else if (v == ' ' || v == '\n' || v == '\t') {
        lines[i] = li;
        chars[i] = ci;
        i++;
      } else {
        ci++;
      }
    }
    this.lineOf = lines;
    this.charOf = chars;
  }

  private int blockIndent(int firstLine) {
    for (int l = firstLine; l < source.lineCount(); l++) {
      String s = source.line(l);
      int k = 0;
      while (k < s.length() && s.charAt(k) == ' ') {
        k++;
      }
      if (k < s.length()) {
        return k;
      }
    }
    return 0;
  }

  private static int escapeLength(char c) {
    return switch (c) {
      case 'x' -> 4;
      case 'u' -> 6;
      case 'U' -> 10;
      default -> 2;
    };
  }
}
