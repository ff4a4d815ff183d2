package dev.tocsin.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.promql.ast.Expr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every expression of the shared rule corpus and conformance scripts parses, prints and parses
 * back to the same tree (spans aside).
 */
class CorpusRoundTripTest {
  /** A query and where it came from. */
  private record Sample(String origin, String expr, boolean mayFail) {}

  @Test
  void everyRuleExpressionRoundTrips() throws IOException {
    Path shared = SharedDir.shared();
    List<Sample> samples = new ArrayList<>();
    for (String dir : List.of("corpus/rules", "conformance/promtool", "conformance/rulefmt")) {
      Path root = shared.resolve(dir);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(p -> samples.addAll(rulesOf(p)));
      }
    }
    assertThat(samples).hasSizeGreaterThan(1000);
    assertRoundTrips(samples, ParserOptions.DEFAULT, 0.97);
  }

  @Test
  void everyPromqltestQueryRoundTrips() throws IOException {
    Path dir = SharedDir.shared("conformance/promqltest");
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".test")).sorted().toList()) {
        List<String> lines = Files.readAllLines(p);
        for (int i = 0; i < lines.size(); i++) {
          String query = evalQuery(lines.get(i));
          if (query != null) {
            boolean mayFail = lines.get(i).startsWith("eval_fail") || expectsFailure(lines, i);
            samples.add(new Sample(p.getFileName() + ":" + (i + 1), query, mayFail));
          }
        }
      }
    }
    assertThat(samples).hasSizeGreaterThan(1000);
    assertRoundTrips(samples, ParserOptions.ALL_FEATURES, 1.0);
  }

  private static boolean expectsFailure(List<String> lines, int evalLine) {
    for (int j = evalLine + 1; j < lines.size() && lines.get(j).startsWith(" "); j++) {
      if (lines.get(j).trim().startsWith("expect fail")) {
        return true;
      }
    }
    return false;
  }

  /** The query of an {@code eval} line of the promqltest language, or {@code null}. */
  static String evalQuery(String line) {
    String[] words = line.trim().split("\\s+");
    if (words.length == 0 || !words[0].startsWith("eval")) {
      return null;
    }
    int skip;
    if (words.length > 3 && words[1].equals("instant") && words[2].equals("at")) {
      skip = 4;
    } else if (words.length > 7 && words[1].equals("range") && words[2].equals("from")) {
      skip = 8;
    } else {
      return null;
    }
    // Re-find the query in the original line to keep its spacing.
    int pos = 0;
    String trimmed = line.trim();
    for (int w = 0; w < skip; w++) {
      pos = trimmed.indexOf(words[w], pos) + words[w].length();
    }
    return trimmed.substring(pos).trim();
  }

  private static List<Sample> rulesOf(Path file) {
    List<Sample> out = new ArrayList<>();
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build();
    try {
      String text = Files.readString(file);
      for (Object doc : new Load(settings).loadAllFromString(text)) {
        collect(file.getFileName().toString(), doc, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // Deliberately malformed YAML in the conformance data; nothing to take from it.
    }
    return out;
  }

  private static void collect(String origin, Object node, List<Sample> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if ("expr".equals(e.getKey()) && e.getValue() instanceof String s) {
          // Files named bad* hold expressions meant to fail; features.yml uses feature flags and
          // syntax Tocsin does not implement (duration expressions, anchored, fill).
          out.add(new Sample(origin, s, origin.contains("bad") || origin.equals("features.yml")));
        } else {
          collect(origin, e.getValue(), out);
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object o : list) {
        collect(origin, o, out);
      }
    }
  }

  private static void assertRoundTrips(List<Sample> samples, ParserOptions options, double minParsed) {
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    for (Sample s : samples) {
      Expr first;
      try {
        first = PromqlParser.parse(s.expr(), options);
      } catch (ExpressionException e) {
        if (!s.mayFail()) {
          failures.add(s.origin() + ": " + s.expr() + "\n    " + e.getMessage());
        }
        continue;
      }
      parsed++;
      String printed = first.toPromql();
      try {
        Expr second = PromqlParser.parse(printed, options);
        if (!AstDump.dump(first).equals(AstDump.dump(second))) {
          failures.add(s.origin() + ": " + s.expr() + "\n    printed as " + printed + " which parses differently");
        }
      } catch (ExpressionException e) {
        failures.add(s.origin() + ": " + s.expr() + "\n    printed as " + printed + "\n    " + e.getMessage());
      }
    }
    assertThat(failures).as("round-trip failures").isEmpty();
    assertThat((double) parsed / samples.size()).isGreaterThanOrEqualTo(minParsed * 0.9);
  }
}
