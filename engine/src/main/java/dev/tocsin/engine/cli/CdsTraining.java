package dev.tocsin.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind {@code bin/tocsin}'s class-data-sharing archive: runs the short
 * commands on the examples and on rule files of its own (one of each PromQL, LogQL and template
 * construct, and one of each kind of error) in one JVM, so that the class list it leaves covers
 * every CLI path whose start-up time users notice. Its output is of no interest and goes wherever
 * the caller sends it.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** The rule files of its own, as resources next to this class. */
  static final List<String> RULE_FILES = List.of("cds-training-rules.yml", "cds-training-broken.yml");

  /** Runs the training commands on the examples directory given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path examples = Path.of(args.length > 0 ? args[0] : "examples");
    Path own = Files.createTempDirectory("tocsin-cds-training");
    try {
      List<String> check = new ArrayList<>(List.of("check", "rules", "--lint=all"));
      for (String name : RULE_FILES) {
        try (InputStream in = CdsTraining.class.getResourceAsStream(name)) {
          check.add(Files.write(own.resolve(name), in.readAllBytes()).toString());
        }
      }
      Main.run(check.toArray(String[]::new));
      for (List<String> command : commands(examples)) {
        Main.run(command.toArray(String[]::new));
      }
    } finally {
      for (String name : RULE_FILES) {
        Files.deleteIfExists(own.resolve(name));
      }
      Files.deleteIfExists(own);
    }
    // A command may leave worker threads behind; the class list is complete either way.
    System.exit(0);
  }

  /** The commands run: each kind of check and test, on files that exist. */
  static List<List<String>> commands(Path examples) {
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("--help"));
    addIfPresent(commands, examples, List.of("check", "rules"), "p1b_alerts.yml", "tocsin_self_alerts.yml");
    addIfPresent(commands, examples, List.of("test", "rules"), "p1b_alerts.test.yml");
    addIfPresent(commands, examples, List.of("test", "logql"), "p1b_order_submit.logqltest");
    addIfPresent(commands, examples, List.of("check", "config"), "demo/tocsin.yml");
    return commands;
  }

  private static void addIfPresent(List<List<String>> commands, Path examples, List<String> command, String... files) {
    List<String> all = new ArrayList<>(command);
    for (String f : files) {
      Path p = examples.resolve(f);
      if (Files.isRegularFile(p)) {
        all.add(p.toString());
      }
    }
    if (all.size() > command.size()) {
      commands.add(all);
    }
  }
}
