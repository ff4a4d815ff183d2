package dev.tocsin.engine.cli;

import dev.tocsin.promql.promqltest.PromqlTestRunner;
import dev.tocsin.promql.promqltest.ScriptFailure;
import dev.tocsin.promql.promqltest.ScriptResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
    PrintStream out = Streams.stdout();
    PrintStream err = Streams.stderr();
    PromqlTestRunner runner = new PromqlTestRunner();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    boolean error = false;
    for (Path script : scripts) {
      if (!Files.isRegularFile(script)) {
        err.println(script + ": open " + script + ": no such file or directory");
        error = true;
        continue;
      }
      ScriptResult r;
      try {
        r = runner.run(script);
      } catch (IOException e) {
        err.println(script + ": cannot read: " + e.getMessage());
        error = true;
        continue;
      }
      for (ScriptFailure f : r.failures()) {
        err.println(script + ":" + f.line() + ": FAILED " + f.command() + ": " + f.message());
      }
      if (verbose) {
        r.skips().forEach(s -> out.println(script + ":" + s.line() + ": skipped " + s.command() + ": " + s.reason()));
      }
      out.println(script + ": " + r.summary());
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
    }
    err.flush();
    out.println("total: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
    out.flush();
    return failed > 0 || error ? 1 : 0;
  }
}
