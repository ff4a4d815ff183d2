package dev.tocsin.logql.logqltest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.promql.promqltest.ScriptFailure;
import dev.tocsin.promql.promqltest.ScriptResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Loki's own logqltest scripts from {@code ../shared/conformance/logqltest}: every evaluation
 * passes unless listed with a reason in {@code logqltest-known-failures.txt}, and a listed one
 * that passes fails too, so the list can only shrink.
 */
class LogqlConformanceTest {
  private static Map<String, String> knownFailures() throws IOException {
    Map<String, String> known = new TreeMap<>();
    try (InputStream in =
        Objects.requireNonNull(LogqlConformanceTest.class.getResourceAsStream("/logqltest-known-failures.txt"))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int space = l.indexOf(' ');
        assertThat(space).as("entry without a reason: %s", l).isPositive();
        known.put(l.substring(0, space), l.substring(space + 1).strip());
      }
    }
    return known;
  }

  @TestFactory
  Stream<DynamicTest> everyEvaluationPassesOrIsAKnownFailure() throws IOException {
    Path dir = SharedDir.shared("conformance/logqltest");
    Map<String, String> known = knownFailures();
    List<Path> scripts;
    try (Stream<Path> files = Files.list(dir)) {
      scripts = files.filter(p -> p.toString().endsWith(".logqltest")).sorted().toList();
    }
    assertThat(scripts).isNotEmpty();
    return scripts.stream()
        .map(
            script ->
                DynamicTest.dynamicTest(
                    script.getFileName().toString(),
                    () -> {
                      String file = script.getFileName().toString();
                      ScriptResult r = new LogqlTestRunner().run(script);
                      System.out.println(file + ": " + r.summary());
                      Set<String> failed = new TreeSet<>();
                      StringBuilder unexpected = new StringBuilder();
                      for (ScriptFailure f : r.failures()) {
                        String key = file + ":" + f.line();
                        failed.add(key);
                        if (!known.containsKey(key)) {
                          unexpected.append(key).append(' ').append(f.command()).append("\n    ").append(f.message()).append('\n');
                        }
                      }
                      Set<String> fixed =
                          known.keySet().stream()
                              .filter(k -> k.startsWith(file + ":") && !failed.contains(k))
                              .collect(Collectors.toCollection(TreeSet::new));
                      assertThat(unexpected.toString()).as("unexpected failures").isEmpty();
                      assertThat(fixed).as("known failures that now pass; remove them from the list").isEmpty();
                      assertThat(r.passed()).isPositive();
                    }));
  }
}
