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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every Prometheus PromQL test script in {@code ../shared/conformance/promqltest/} through
 * the interpreter and prints, per script and in total, {@code N passed, N failed, N skipped}. Every
 * evaluation must pass, except those listed with a reason in {@code
 * promqltest-known-failures.txt}; a listed evaluation that passes fails too, so the list shrinks.
 */
class PromqlConformanceTest {
  @TestFactory
  Stream<DynamicTest> everyScriptPassesExceptKnownFailures() throws IOException {
    Path dir = SharedDir.shared("conformance/promqltest");
    List<Path> scripts;
    try (Stream<Path> files = Files.list(dir)) {
      scripts = files.filter(p -> p.toString().endsWith(".test")).sorted().toList();
    }
    Map<String, Map<Integer, String>> known = knownFailures();
    List<ScriptResult> results = new ArrayList<>();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path script : scripts) {
      ScriptResult r = new PromqlTestRunner().run(script);
      results.add(r);
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
      System.out.println(r.script() + ": " + r.summary());
      for (ScriptSkip s : r.skips()) {
        System.out.println("  skipped line " + s.line() + " (" + s.reason() + "): " + s.command());
      }
    }
    System.out.println("total: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
    return results.stream()
        .map(r -> DynamicTest.dynamicTest(r.script(), () -> check(r, known.getOrDefault(r.script(), Map.of()))));
  }

  private static void check(ScriptResult result, Map<Integer, String> known) {
    List<String> unexpected = new ArrayList<>();
    List<Integer> failedLines = new ArrayList<>();
    for (ScriptFailure f : result.failures()) {
      failedLines.add(f.line());
      if (!known.containsKey(f.line())) {
        unexpected.add(result.script() + ":" + f);
      }
    }
    List<String> nowPassing = new ArrayList<>();
    for (Map.Entry<Integer, String> k : known.entrySet()) {
      if (!failedLines.contains(k.getKey())) {
        nowPassing.add(result.script() + ":" + k.getKey() + " (" + k.getValue() + ") passes now; remove it from the list");
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
        throw new IllegalStateException("promqltest-known-failures.txt is missing from the test resources");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.trim();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+", 2);
        int colon = parts[0].lastIndexOf(':');
        String reason = parts.length > 1 ? parts[1].trim() : "";
        if (colon < 0 || reason.isEmpty()) {
          throw new IllegalStateException("known failure must read '<script>:<line> <reason>': " + l);
        }
        out.computeIfAbsent(parts[0].substring(0, colon), k -> new TreeMap<>())
            .put(Integer.parseInt(parts[0].substring(colon + 1)), reason);
      }
    }
    return out;
  }
}
