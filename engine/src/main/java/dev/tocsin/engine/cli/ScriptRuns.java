package dev.tocsin.engine.cli;

import dev.tocsin.promql.promqltest.ScriptFailure;
import dev.tocsin.promql.promqltest.ScriptResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs conformance scripts ({@code .test}, {@code .logqltest}) and prints per file and in total
 * {@code N passed, N failed, N skipped}, failures on standard error with their line numbers.
 */
final class ScriptRuns {
  /** Runs one script. */
  interface Runner {
    ScriptResult run(Path script) throws IOException;
  }

  private ScriptRuns() {}

  /** Runs every script and returns the exit code: 1 on any failure or unreadable file. */
  static int run(List<Path> scripts, Runner runner, boolean verbose) {
    PrintStream out = Console.stdout();
    PrintStream err = Console.stderr();
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
      } catch (RuntimeException e) {
        // A malformed script: the runners' messages already name file and line.
        err.println(e.getMessage());
        error = true;
        continue;
      }
      for (ScriptFailure f : r.failures()) {
        err.println(script + ":" + f.line() + ": FAILED " + f.command() + ": " + f.message());
      }
      err.flush();
      if (verbose) {
        r.skips().forEach(s -> out.println(script + ":" + s.line() + ": skipped " + s.command() + ": " + s.reason()));
      }
      out.println(script + ": " + r.summary());
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
    }
    out.println("total: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
    out.flush();
    return failed > 0 || error ? 1 : 0;
  }
}
