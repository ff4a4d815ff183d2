package dev.tocsin.rules.report;

import dev.tocsin.rules.lint.DuplicateRule;
import dev.tocsin.model.source.Diagnostic;
import java.io.PrintStream;

/**
 * promtool's output: {@code Checking <file>} and {@code SUCCESS} lines on standard output,
 * {@code FAILED:} and each error on standard error, an empty line after each file.
 */
public final class TextReporter implements CheckReporter {
  private final PrintStream out;
  private final PrintStream err;

  public TextReporter(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void start(String name) {
    out.println("Checking " + name);
    out.flush();
  }

  @Override
  public void report(FileCheck check) {
    for (Diagnostic w : check.result().warnings()) {
      err.println("  WARNING: " + w.format());
    }
    if (check.result().hasErrors()) {
      err.println("  FAILED:");
      for (Diagnostic d : check.result().errors()) {
        err.println(d.format());
      }
    } else if (!check.duplicates().isEmpty()) {
      err.println("  FAILED:");
      err.print(lintBlock(check));
    } else {
      out.println("  SUCCESS: " + check.ruleCount() + " rules found");
    }
    err.flush();
    out.println();
    out.flush();
  }

  /** promtool's duplicate-rules report, labels one per line after a tab. */
  static String lintBlock(FileCheck check) {
    StringBuilder sb = new StringBuilder();
    sb.append("lint error ").append(check.duplicates().size()).append(" duplicate rule(s) found.\n");
    for (DuplicateRule d : check.duplicates()) {
      sb.append("Metric: ").append(d.metric()).append('\n').append("Label(s):\n");
      d.labels().forEach((n, v) -> sb.append('\t').append(n).append(": ").append(v).append('\n'));
    }
    sb.append("Might cause inconsistency while recording expressions\n");
    return sb.toString();
  }

  @Override
  public void finish() {
    out.flush();
  }
}
