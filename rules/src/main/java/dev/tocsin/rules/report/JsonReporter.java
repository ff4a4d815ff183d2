package dev.tocsin.rules.report;

import dev.tocsin.rules.lint.DuplicateRule;
import dev.tocsin.rules.lint.DuplicateRulesCheck;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Position;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One JSON document on standard output: an array with an object per file ({@code file}, {@code
 * ok}, {@code rules}, {@code diagnostics}), each diagnostic with check id, severity, line, column,
 * context and message, for tools that post-process findings.
 */
public final class JsonReporter implements CheckReporter {
  private final PrintStream out;
  private final List<String> files = new ArrayList<>();

  public JsonReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(String name) {}

  @Override
  public void report(FileCheck check) {
    List<String> diags = new ArrayList<>();
    for (Diagnostic d : check.result().diagnostics()) {
      diags.add(diagnostic(d.checkId(), d.severity().name().toLowerCase(Locale.ROOT), d.position(), d.context(),
          d.message()));
    }
    if (!check.result().hasErrors()) {
      for (DuplicateRule dup : check.duplicates()) {
        String msg = "duplicate rule: " + dup.metric() + " " + dup.labels();
        for (Position p : dup.positions()) {
          diags.add(diagnostic(DuplicateRulesCheck.ID, "lint", p, "", msg));
        }
      }
    }
    boolean ok = !check.result().hasErrors() && check.duplicates().isEmpty();
    files.add("{\"file\":" + Json.quote(check.name()) + ",\"ok\":" + ok + ",\"rules\":" + check.ruleCount()
        + ",\"diagnostics\":[" + String.join(",", diags) + "]}");
  }

  private static String diagnostic(String id, String severity, Position p, String context, String message) {
    return "{\"check\":" + Json.quote(id) + ",\"severity\":" + Json.quote(severity)
        + (p == null ? "" : ",\"line\":" + p.line() + ",\"column\":" + p.column())
        + ",\"context\":" + Json.quote(context) + ",\"message\":" + Json.quote(message) + "}";
  }

  @Override
  public void finish() {
    out.println("[" + String.join(",\n", files) + "]");
    out.flush();
  }
}
