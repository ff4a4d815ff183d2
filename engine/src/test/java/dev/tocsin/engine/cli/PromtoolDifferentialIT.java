package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds the same rule files to real promtool 2.42 and to Tocsin and compares the verdicts and the
 * kinds of error per file. Only the documented 2.42 → 3.x differences are masked, file by file.
 */
class PromtoolDifferentialIT {
  /** Kinds of error, recognised by their wording in either tool's output. */
  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("could not parse", "parse");
    KINDS.put("not found in type", "unknown-field");
    KINDS.put("is repeated in the same file", "group-name");
    KINDS.put("Groupname must not be empty", "group-name");
    KINDS.put("invalid label name", "label-name");
    KINDS.put("invalid annotation name", "annotation-name");
    KINDS.put("invalid recording rule name", "record-name");
    KINDS.put("braces present in the recording rule name", "record-name");
    KINDS.put("must be set", "missing-field");
    KINDS.put("only one of 'record' and 'alert'", "record-and-alert");
    KINDS.put("in recording rule", "recording-field");
    KINDS.put("template: ", "template");
    KINDS.put("cannot unmarshal", "type");
    KINDS.put("not a valid duration", "duration");
  }

  /**
   * Files where promtool 2.42 and Prometheus 3.x disagree (ARCHITECTURE.md, reference section 7):
   * the verdict and error kinds Tocsin must give instead of 2.42's.
   */
  private static final Map<String, Set<String>> MASKED = Map.of(
      // 3.x validates names as UTF-8 by default; 2.42 used the legacy character set.
      "legacy_validation_annotation.bad.yaml", Set.of(),
      "utf-8_annotation.good.yaml", Set.of(),
      "utf-8_lname.good.yaml", Set.of(),
      // 2.42 also rejects the hyphenated record names (legacy names); 3.x only the expressions
      // (experimental functions off; duration expressions, anchored and fill() not implemented).
      "features.yml", Set.of("parse"));

  private static final Map<String, Verdict> promtool = new LinkedHashMap<>();
  private static final Map<String, Verdict> tocsin = new LinkedHashMap<>();
  private static List<Path> files;

  /** One tool's verdict on one file. */
  record Verdict(boolean ok, Set<String> kinds, List<String> errors) {}

  @BeforeAll
  static void runBothOnce() throws IOException {
    Path shared = SharedDir.shared();
    Path promtoolBin = SharedDir.peers().resolve("usr/bin/promtool");
    assertThat(promtoolBin).as("promtool unpacked by scripts/peers.sh").exists();
    files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(shared.resolve("corpus/rules"))) {
      s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.list(shared.resolve("conformance/rulefmt"))) {
      s.sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.list(shared.resolve("conformance/promtool"))) {
      for (Path p : s.sorted().toList()) {
        if (Files.readString(p).lines().anyMatch(l -> l.startsWith("groups:"))) {
          files.add(p);
        }
      }
    }
    List<String> args = files.stream().map(Path::toString).toList();
    List<String> pcmd = new ArrayList<>(List.of(promtoolBin.toString(), "check", "rules", "--lint=none"));
    pcmd.addAll(args);
    parse(Processes.run(pcmd, null, null), promtool);
    List<String> tcmd = new ArrayList<>(List.of("check", "rules", "--lint=none"));
    tcmd.addAll(args);
    parse(Processes.tocsin(null, tcmd.toArray(new String[0])), tocsin);
  }

  /** Splits one run's output into verdicts per file: SUCCESS on stdout, error lines on stderr. */
  private static void parse(ProcessResult r, Map<String, Verdict> into) {
    String current = null;
    for (String line : r.stdout().lines().toList()) {
      if (line.startsWith("Checking ")) {
        current = line.substring("Checking ".length());
        into.put(current, new Verdict(false, new TreeSet<>(), new ArrayList<>()));
      } else if (line.startsWith("  SUCCESS:") && current != null) {
        into.put(current, new Verdict(true, Set.of(), List.of()));
      }
    }
    Verdict last = null;
    for (String line : r.stderr().lines().toList()) {
      Verdict target = null;
      for (Map.Entry<String, Verdict> e : into.entrySet()) {
        if (line.startsWith(e.getKey() + ": ")) {
          target = e.getValue();
        }
      }
      // yaml.v3 lists unmarshal errors on indented lines after the file's header line.
      if (target == null && line.startsWith("  line ")) {
        target = last;
      }
      if (target == null) {
        continue;
      }
      last = target;
      target.errors().add(line);
      Verdict t = target;
      KINDS.forEach((phrase, kind) -> {
        if (line.contains(phrase)) {
          t.kinds().add(kind);
        }
      });
    }
  }

  @Test
  void everyFileWasChecked() {
    assertThat(files).hasSizeGreaterThan(130);
    assertThat(tocsin.keySet()).containsExactlyElementsOf(promtool.keySet());
  }

  @Test
  void verdictsAndErrorKindsAgree() {
    List<String> disagreements = new ArrayList<>();
    for (Path f : files) {
      String key = f.toString();
      Verdict p = promtool.get(key);
      Verdict t = tocsin.get(key);
      Set<String> expectedKinds = MASKED.containsKey(f.getFileName().toString())
          ? MASKED.get(f.getFileName().toString()) : p.kinds();
      boolean expectedOk = MASKED.containsKey(f.getFileName().toString()) ? expectedKinds.isEmpty() : p.ok();
      if (t.ok() != expectedOk || !t.kinds().equals(expectedKinds)) {
        disagreements.add(f.getFileName() + ": expected ok=" + expectedOk + " " + expectedKinds + ", tocsin ok="
            + t.ok() + " " + t.kinds() + " " + t.errors() + " (promtool: " + p.errors() + ")");
      }
    }
    assertThat(disagreements).as("files where Tocsin and promtool disagree").isEmpty();
  }
}
