package dev.tocsin.promql.promqltest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every Prometheus PromQL test script in {@code ../shared/conformance/promqltest/} through
 * the interpreter. Every evaluation must pass, except those listed with a reason in {@code
 * promqltest-known-failures.txt}; a listed evaluation that passes fails too, so the list shrinks.
 */
class PromqlConformanceTest {
  static Stream<String> scripts() throws IOException {
    Path dir = SharedDir.shared("conformance/promqltest");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".test")).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void scriptPassesExceptKnownFailures(String script) throws IOException {
    Path file = SharedDir.shared("conformance/promqltest").resolve(script);
    ScriptResult result = new PromqlTestRunner().run(file);
    System.out.println(script + ": " + result.summary());
    for (ScriptSkip s : result.skips()) {
      System.out.println("  skipped " + script + ":" + s.line() + " (" + s.reason() + ")");
    }
    Map<Integer, String> known = knownFailures().getOrDefault(script, Map.of());
    List<String> unexpected = new ArrayList<>();
    List<Integer> failedLines = new ArrayList<>();
    for (ScriptFailure f : result.failures()) {
      failedLines.add(f.line());
      if (!known.containsKey(f.line())) {
        unexpected.add(script + ":" + f);
      }
    }
    List<String> nowPassing = new ArrayList<>();
    for (Map.Entry<Integer, String> k : known.entrySet()) {
      if (!failedLines.contains(k.getKey())) {
        nowPassing.add(script + ":" + k.getKey() + " (" + k.getValue() + ") passes now; remove it from the list");
      }
    }
    assertThat(unexpected).as("failures not in promqltest-known-failures.txt").isEmpty();
    assertThat(nowPassing).as("known failures that pass").isEmpty();
  }

  /** script → line → reason, from the known-failures file ({@code file.test:LINE reason}). */
  static Map<String, Map<Integer, String>> knownFailures() throws IOException {
    Map<String, Map<Integer, String>> out = new TreeMap<>();
    try (InputStream in = PromqlConformanceTest.class.getResourceAsStream("/promqltest-known-failures.txt")) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.trim();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+", 2);
        int colon = parts[0].lastIndexOf(':');
        String reason = parts.length > 1 ? parts[1] : "";
        if (reason.isBlank()) {
          throw new IllegalStateException("known failure without a reason: " + l);
        }
        out.computeIfAbsent(parts[0].substring(0, colon), k -> new TreeMap<>())
            .put(Integer.parseInt(parts[0].substring(colon + 1)), reason);
      }
    }
    return out;
  }
}
