package dev.tocsin.rules.report;

import dev.tocsin.rules.lint.DuplicateRule;
import dev.tocsin.rules.lint.DuplicateRulesCheck;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Position;
import dev.tocsin.model.source.Severity;
import java.io.PrintStream;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…::message}), so findings
 * show up as annotations on the pull request's diff.
 */
public final class GithubReporter implements CheckReporter {
  private final PrintStream out;

  public GithubReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(String name) {}

  @Override
  public void report(FileCheck check) {
    for (Diagnostic d : check.result().diagnostics()) {
      String text = d.context().isEmpty() ? d.message() : d.context() + ": " + d.message();
      line(d.severity() == Severity.ERROR ? "error" : "warning", check.name(), d.position(), d.checkId(), text);
    }
    if (!check.result().hasErrors()) {
      for (DuplicateRule dup : check.duplicates()) {
        for (Position p : dup.positions()) {
          line("warning", check.name(), p, DuplicateRulesCheck.ID,
              "duplicate rule " + dup.metric() + " " + dup.labels() + ": might cause inconsistency while recording expressions");
        }
      }
    }
  }

  private void line(String kind, String file, Position p, String title, String message) {
    StringBuilder sb = new StringBuilder("::").append(kind).append(" file=").append(property(file));
    if (p != null) {
      sb.append(",line=").append(p.line()).append(",col=").append(p.column());
    }
    sb.append(",title=").append(property(title)).append("::").append(data(message));
    out.println(sb);
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  @Override
  public void finish() {
    out.flush();
  }
}
