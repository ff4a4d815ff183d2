package dev.tocsin.engine.cli;

import dev.tocsin.engine.config.ConfigLoadResult;
import dev.tocsin.engine.config.TocsinConfigLoader;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.YamlLimits;
import dev.tocsin.rules.report.RulesCheck;
import dev.tocsin.rules.report.TextReporter;
import dev.tocsin.rules.validate.LoadOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tocsin check config}: promtool's config check for {@code tocsin.yml}: validates each
 * config file, then checks every rule file it names exactly as {@code check rules} does.
 */
@Command(name = "config", description = "Check if the config files are valid or not.", mixinStandardHelpOptions = true)
final class CheckConfigCommand implements Callable<Integer> {
  @CommandLine.Mixin RuleCheckOptions ruleOptions = new RuleCheckOptions();

  @Option(names = "--probe", description = "Also check that each datasource and Alertmanager answers: readiness endpoint and a trivial query.")
  boolean probe;

  @Parameters(arity = "1..*", paramLabel = "config-files", description = "The config files to check.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = Console.stdout();
    PrintStream err = Console.stderr();
    try {
      return run(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  int run(PrintStream out, PrintStream err) {
    boolean duplicates = ruleOptions.lintDuplicates(out);
    RulesCheck rules = new RulesCheck(new LoadOptions(false, ruleOptions.experimentalFunctions(), YamlLimits.DEFAULT),
        duplicates, ruleOptions.lintFatal);
    TocsinConfigLoader loader = new TocsinConfigLoader();
    boolean errors = false;
    boolean lint = false;
    for (Path file : files) {
      out.println("Checking " + file);
      out.flush();
      ConfigLoadResult result = loader.load(file);
      for (Diagnostic w : result.warnings()) {
        err.println("  WARNING: " + w.format());
      }
      List<Path> ruleFiles = List.of();
      if (result.hasErrors()) {
        errors = true;
        err.println("  FAILED:");
        result.errors().forEach(d -> err.println(d.format()));
        err.flush();
      } else {
        ruleFiles = result.config().ruleFiles();
        // promtool prints the rule-file count only when there are some.
        if (!ruleFiles.isEmpty()) {
          out.println("  SUCCESS: " + ruleFiles.size() + " rule files found");
        }
        out.println(" SUCCESS: " + file + " is valid tocsin config file syntax");
        if (probe && !new ConfigProbe(out).probe(result.config())) {
          errors = true;
        }
      }
      out.println();
      out.flush();
      int code = rules.run(ruleFiles.stream().map(RulesCheck.Input::file).toList(), new TextReporter(out, err));
      errors |= code == RulesCheck.ERRORS;
      lint |= code == RulesCheck.LINT;
    }
    if (errors) {
      return RulesCheck.ERRORS;
    }
    return lint ? RulesCheck.LINT : RulesCheck.OK;
  }
}
