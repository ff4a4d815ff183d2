package dev.tocsin.engine.cli;

import dev.tocsin.engine.unittest.JunitReport;
import dev.tocsin.engine.unittest.RuleUnitTester;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.model.yaml.YamlLimits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin test rules}: runs promtool unit-test files unchanged, with promtool's output and exit codes. */
@Command(name = "rules", description = "Unit tests for rules.", mixinStandardHelpOptions = true)
final class TestRulesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--run", description = "Only run test groups whose name matches this regular expression (repeatable).")
  List<String> run = new ArrayList<>();

  @Option(names = "--ignore-unknown-fields", description = "Ignore unknown fields in the rule files.")
  boolean ignoreUnknownFields;

  @Option(names = "--enable-feature", split = ",", description = "Enable features, e.g. promql-experimental-functions.")
  List<String> features = new ArrayList<>();

  @Option(names = "--diff", description = "Print a coloured structural diff of expected and received alerts.")
  boolean diff;

  @Option(names = "--debug", description = "Dump every series (inputs and rule outputs) of each test group to standard error.")
  boolean debug;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report of the results to FILE.")
  Path junit;

  @Parameters(arity = "1..*", paramLabel = "test-rule-file", description = "The unit test files.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() {
    Pattern filter = null;
    if (!run.isEmpty()) {
      try {
        filter = Pattern.compile(String.join("|", run));
      } catch (PatternSyntaxException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "invalid --run regular expression: "
            + e.getDescription());
      }
    }
    boolean experimental = features.contains("promql-experimental-functions");
    RuleUnitTester tester = new RuleUnitTester(new RuleUnitTester.Options(
        new LoadOptions(ignoreUnknownFields, experimental, YamlLimits.DEFAULT), filter, debug, diff));
    PrintStream out = Console.stdout();
    PrintStream err = Console.stderr();
    boolean failed = false;
    JunitReport report = new JunitReport();
    for (Path f : files) {
      RuleUnitTester.Result r = tester.test(f);
      report.add(f.toString(), r, java.time.Instant.now());
      r.warnings().forEach(err::println);
      r.groups().stream().filter(g -> g.debug() != null).forEach(g -> err.println(g.debug()));
      if (r.errors().isEmpty()) {
        out.println("  SUCCESS");
      } else {
        failed = true;
        err.println("  FAILED:");
        for (String e : r.errors()) {
          err.println(e);
          err.flush();
          out.println();
          out.flush();
        }
      }
      err.flush();
      out.println();
      out.flush();
    }
    if (junit != null) {
      try {
        java.nio.file.Files.writeString(junit, report.toXml());
      } catch (java.io.IOException e) {
        err.println("tocsin: error: cannot write " + junit + ": " + e.getMessage());
        return 1;
      }
    }
    return failed ? 1 : 0;
  }
}
