package dev.tocsin.notifier.template;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the {@code templates:} entries of alertmanager.yml as Go's {@code filepath.Glob} does:
 * {@code *}, {@code ?} and {@code [...]} within one path element, matches in sorted order, and a
 * pattern matching nothing is not an error.
 */
public final class TemplateFiles {
  private TemplateFiles() {}

  /** The files a pattern matches, sorted; empty when none does. */
  public static List<Path> glob(Path pattern) throws IOException {
    Path root = pattern.getRoot();
    List<Path> current = new ArrayList<>(List.of(root != null ? root : Path.of("")));
    for (Path element : pattern.normalize()) {
      String name = element.toString();
      List<Path> next = new ArrayList<>();
      for (Path dir : current) {
        if (!hasMeta(name)) {
          Path p = dir.resolve(name);
          if (Files.exists(p)) {
            next.add(p);
          }
          continue;
        }
        if (!Files.isDirectory(dir)) {
          continue;
        }
        PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + javaGlob(name));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
          for (Path entry : entries) {
            if (matcher.matches(entry.getFileName())) {
              next.add(entry);
            }
          }
        }
      }
      next.sort(null);
      current = next;
    }
    return current.stream().filter(Files::isRegularFile).toList();
  }

  private static boolean hasMeta(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** A Go glob element as a Java glob: braces are literal in Go, and Go negates a class with {@code ^}. */
  private static String javaGlob(String go) {
    return go.replace("{", "\\{").replace("}", "\\}").replace("[^", "[!");
  }
}
