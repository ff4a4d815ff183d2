package dev.tocsin.engine.cli;

import dev.tocsin.logql.logqltest.LogqlTestRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tocsin test logql FILE.logqltest...}: runs Loki's LogQL test scripts on the embedded LogQL
 * engine and prints per file and in total {@code N passed, N failed, N skipped}.
 */
@Command(name = "logql", description = "Run Loki LogQL test scripts (.logqltest) on the embedded engine.",
    mixinStandardHelpOptions = true)
final class TestLogqlCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "test-script", description = "The .logqltest scripts to run.")
  List<Path> scripts = new ArrayList<>();

  @Option(names = "--verbose", description = "Also list skipped evaluations with their reasons.")
  boolean verbose;

  @Override
  public Integer call() {
    LogqlTestRunner runner = new LogqlTestRunner();
    return ScriptRuns.run(scripts, runner::run, verbose);
  }
}
