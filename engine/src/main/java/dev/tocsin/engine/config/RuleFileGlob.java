package dev.tocsin.engine.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands a {@code rule_files} entry as Go's {@code filepath.Glob} does for Prometheus: {@code *},
 * {@code ?}, {@code [class]} and {@code \} escapes, matched one path component at a time, results
 * sorted by name, hidden files included, and a plain path kept only when it exists.
 */
final class RuleFileGlob {
  private RuleFileGlob() {}

  /** A pattern Go's {@code filepath.Match} rejects. */
  static final class BadPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    BadPatternException() {
      super("syntax error in pattern", null, false, false);
    }
  }

  /** Whether a path has glob meta characters. */
  static boolean hasMeta(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /** The existing paths a pattern matches, in Go's order. */
  static List<Path> expand(Path pattern) throws BadPatternException {
    List<Path> out = new ArrayList<>();
    if (!hasMeta(pattern.toString())) {
      if (Files.exists(pattern)) {
        out.add(pattern);
      }
      return out;
    }
    Path parent = pattern.getParent();
    Pattern name = compile(pattern.getFileName().toString());
    List<Path> dirs = parent == null ? List.of(Path.of("")) : hasMeta(parent.toString()) ? expand(parent) : List.of(parent);
    for (Path dir : dirs) {
      matchIn(dir, name, out);
    }
    return out;
  }

  private static void matchIn(Path dir, Pattern name, List<Path> out) {
    Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
    if (!Files.isDirectory(listed)) {
      return;
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
      for (Path e : entries) {
        String n = e.getFileName().toString();
        if (name.matcher(n).matches()) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      // Go's Glob ignores I/O errors while reading a directory: it simply matches nothing there.
      return;
    }
    names.sort(null);
    for (String n : names) {
      out.add(dir.resolve(n));
    }
  }

  /** Translates one path component of a Go glob into an anchored regular expression. */
  static Pattern compile(String glob) throws BadPatternException {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '\\' -> {
          if (i + 1 >= glob.length()) {
            throw new BadPatternException();
          }
          i++;
          re.append(literal(glob.codePointAt(i)));
          i += Character.charCount(glob.codePointAt(i)) - 1;
        }
        case '[' -> i = charClass(glob, i, re);
        default -> {
          int cp = glob.codePointAt(i);
          re.append(literal(cp));
          i += Character.charCount(cp) - 1;
        }
      }
      i++;
    }
    return Pattern.compile(re.toString());
  }

  /** Appends a {@code [...]} class starting at {@code start}; returns the index of its {@code ]}. */
  private static int charClass(String glob, int start, StringBuilder re) throws BadPatternException {
    int i = start + 1;
    re.append('[');
    if (i < glob.length() && glob.charAt(i) == '^') {
      re.append('^');
      i++;
    }
    int ranges = 0;
    while (true) {
      if (i >= glob.length()) {
        throw new BadPatternException();
      }
      if (glob.charAt(i) == ']' && ranges > 0) {
        re.append(']');
        return i;
      }
      int[] lo = classChar(glob, i);
      i = lo[1];
      int hi = lo[0];
      if (i < glob.length() && glob.charAt(i) == '-') {
        int[] h = classChar(glob, i + 1);
        hi = h[0];
        i = h[1];
        if (hi < lo[0]) {
          throw new BadPatternException();
        }
      }
      re.append(literal(lo[0])).append('-').append(literal(hi));
      ranges++;
    }
  }

  /** One possibly escaped character of a class: its code point and the index after it. */
  private static int[] classChar(String glob, int i) throws BadPatternException {
    if (i >= glob.length()) {
      throw new BadPatternException();
    }
    char c = glob.charAt(i);
    if (c == '-' || c == ']') {
      throw new BadPatternException();
    }
    if (c == '\\') {
      i++;
      if (i >= glob.length()) {
        throw new BadPatternException();
      }
    }
    int cp = glob.codePointAt(i);
    return new int[] {cp, i + Character.charCount(cp)};
  }

  private static String literal(int codePoint) {
    return "\\x{" + Integer.toHexString(codePoint) + "}";
  }
}
