package dev.tocsin.model.source;

import java.util.ArrayList;
import java.util.List;

/** The text of a source file split into lines, for turning parser marks into positions. */
public final class SourceText {
  private final String[] lines;

  public SourceText(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
        out.add(text.substring(start, end));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    this.lines = out.toArray(new String[0]);
  }

  /** The number of lines. */
  public int lineCount() {
    return lines.length;
  }

  /** A line by 0-based index, or the empty string past the end. */
  public String line(int index) {
    return index >= 0 && index < lines.length ? lines[index] : "";
  }

  /** The position of a 0-based line and a 0-based char index within it. */
  public Position position(int lineIndex, int charIndex) {
    String l = line(lineIndex);
    int c = Math.min(Math.max(charIndex, 0), l.length());
    return new Position(lineIndex + 1, l.codePointCount(0, c) + 1);
  }

  /** The char index in a line of a 0-based code-point column, as YAML parsers report them. */
  public int charIndex(int lineIndex, int codePointColumn) {
    String l = line(lineIndex);
    try {
      return l.offsetByCodePoints(0, Math.min(codePointColumn, l.codePointCount(0, l.length())));
    } catch (IndexOutOfBoundsException e) {
      return l.length();
    }
  }
}
