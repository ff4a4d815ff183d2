package dev.tocsin.logql.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A Loki pattern ({@code log/pattern}): literals and captures, {@code <name>} or the unnamed
 * {@code <_>}. Used by the {@code pattern} parser (extraction) and the {@code |>} filter (whole-line test).
 */
public final class LinePattern {
  private sealed interface Node permits Literal, Capture {}

  private record Literal(String text) implements Node {}

  private record Capture(String name) implements Node {
    boolean unnamed() {
      return name.equals("_");
    }
  }

  private final List<Node> nodes;

  private LinePattern(List<Node> nodes) {
    this.nodes = nodes;
  }

  /** Splits a pattern into literals and captures; consecutive captures are rejected as in Loki. */
  public static LinePattern parse(String pattern) {
    List<Node> nodes = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '<') {
        int end = pattern.indexOf('>', i + 1);
        if (end > i + 1 && identifier(pattern.substring(i + 1, end))) {
          if (!lit.isEmpty()) {
            nodes.add(new Literal(lit.toString()));
            lit.setLength(0);
          }
          if (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof Capture) {
            throw new PipelineException("found consecutive capture '" + pattern.substring(i, end + 1) + "': invalid pattern");
          }
          nodes.add(new Capture(pattern.substring(i + 1, end)));
          i = end + 1;
          continue;
        }
      }
      lit.append(c);
      i++;
    }
    if (!lit.isEmpty()) {
      nodes.add(new Literal(lit.toString()));
    }
    return new LinePattern(nodes);
  }

  private static boolean identifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The names of the named captures, in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof Capture c && !c.unnamed()) {
        out.add(c.name());
      }
    }
    return out;
  }

  /**
   * The values of the named captures for a line, in order (fewer when the line ends early): a
   * leading literal must start the line, each capture runs to the next literal, and a missing
   * literal makes the capture take the rest of the line.
   */
  public List<String> extract(String in) {
    List<String> out = new ArrayList<>();
    if (in.isEmpty() || nodes.isEmpty()) {
      return out;
    }
    int k = 0;
    int off = 0;
    if (nodes.get(0) instanceof Literal l) {
      if (!in.startsWith(l.text())) {
        return out;
      }
      off = l.text().length();
      k = 1;
    }
    while (k < nodes.size()) {
      Capture capt = (Capture) nodes.get(k);
      if (k == nodes.size() - 1) {
        if (!capt.unnamed()) {
          out.add(in.substring(off));
        }
        return out;
      }
      Literal ls = (Literal) nodes.get(k + 1);
      k += 2;
      int i = in.indexOf(ls.text(), off);
      if (i < 0) {
        if (!capt.unnamed()) {
          out.add(in.substring(off));
        }
        return out;
      }
      if (!capt.unnamed()) {
        out.add(in.substring(off, i));
      }
      off = i + ls.text().length();
    }
    return out;
  }

  /**
   * Loki's whole-line test for {@code |>}: literals in order, each capture non-empty, a trailing
   * literal must end the line and a trailing capture must match something.
   */
  public boolean test(String in) {
    if (in.isEmpty() || nodes.isEmpty()) {
      return in.isEmpty() && nodes.isEmpty();
    }
    int off = 0;
    for (int i = 0; i < nodes.size(); i++) {
      if (!(nodes.get(i) instanceof Literal lit)) {
        continue;
      }
      int j = in.indexOf(lit.text(), off);
      if (j < 0) {
        return false;
      }
      if (i != 0 && j == off) {
        return false;
      }
      off = j + lit.text().length();
    }
    if (nodes.get(nodes.size() - 1) instanceof Literal) {
      return off == in.length();
    }
    return off != in.length();
  }
}
