package dev.tocsin.engine.unittest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves {@code rule_files} entries as promtool does: relative to the test file, globs expanded, sorted. */
final class RuleFileGlobs {
  private RuleFileGlobs() {}

  static Path resolve(Path dir, String pattern) {
    Path p = Path.of(pattern);
    return p.isAbsolute() ? p : dir.resolve(p).normalize();
  }

  static List<Path> expand(Path dir, String pattern) {
    Path full = resolve(dir, pattern);
    String text = full.toString();
    if (!text.contains("*") && !text.contains("?") && !text.contains("[")) {
      return Files.exists(full) ? List.of(full) : List.of();
    }
    // Walk from the deepest folder without glob characters; '*' never crosses a '/', as in Go.
    Path abs = full.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    Path base = abs.getRoot();
    for (Path part : abs) {
      String s = part.toString();
      if (s.contains("*") || s.contains("?") || s.contains("[")) {
        break;
      }
      base = base.resolve(s);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + abs);
    int depth = abs.getNameCount() - base.getNameCount();
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(base, depth)) {
      s.filter(p -> p.getNameCount() == abs.getNameCount() && matcher.matches(p)).sorted()
          .map(p -> full.isAbsolute() ? p : cwd.relativize(p))
          .forEach(out::add);
    } catch (IOException e) {
      return out;
    }
    return out;
  }
}
