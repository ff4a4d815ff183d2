package dev.tocsin.engine.cli;

import dev.tocsin.promql.promqltest.PromqlTestRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tocsin test promql FILE.test...}: runs Prometheus' PromQL test scripts on the embedded
 * engine, with every implemented feature on, and prints per file and in total {@code N passed, N
 * failed, N skipped}.
 */
@Command(name = "promql", description = "Run Prometheus PromQL test scripts (.test) on the embedded engine.",
    mixinStandardHelpOptions = true)
final class TestPromqlCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "test-script", description = "The .test scripts to run.")
  List<Path> scripts = new ArrayList<>();

  @Option(names = "--verbose", description = "Also list skipped evaluations with their reasons.")
  boolean verbose;

  @Override
  public Integer call() {
    PromqlTestRunner runner = new PromqlTestRunner();
    return ScriptRuns.run(scripts, runner::run, verbose);
  }
}
