package dev.tocsin.engine.cli;

import dev.tocsin.rules.report.CheckReporter;
import dev.tocsin.rules.report.GithubReporter;
import dev.tocsin.rules.report.JsonReporter;
import dev.tocsin.rules.report.RulesCheck;
import dev.tocsin.rules.report.TextReporter;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.model.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin check rules}: promtool's rule-file check, for PromQL and LogQL rules alike. */
@Command(name = "rules", description = "Check if the rule files are valid or not.", mixinStandardHelpOptions = true)
final class CheckRulesCommand implements Callable<Integer> {
  /** Output formats of findings. */
  enum Format {
    TEXT,
    JSON,
    GITHUB
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin RuleCheckOptions ruleOptions = new RuleCheckOptions();

  @Option(names = "--ignore-unknown-fields", description = "Ignore unknown fields in the rule files.")
  boolean ignoreUnknownFields;

  @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text, json or github (default: text).")
  Format format;

  @Option(names = "--max-file-size", defaultValue = "67108864",
      description = "Largest rule file accepted, in bytes (default: ${DEFAULT-VALUE}, 64 MiB).")
  long maxFileSize;

  @Parameters(arity = "0..*", paramLabel = "rule-files", description = "The rule files to check; standard input when none.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    return run(Console.stdout(), Console.stderr(), System.in);
  }

  int run(PrintStream out, PrintStream err, InputStream stdin) throws IOException {
    boolean duplicates = ruleOptions.lintDuplicates(out);
    boolean experimental = ruleOptions.experimentalFunctions();
    if (maxFileSize <= 0 || maxFileSize > Integer.MAX_VALUE) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-size must be between 1 and "
          + Integer.MAX_VALUE);
    }
    LoadOptions options = new LoadOptions(ignoreUnknownFields, experimental, new YamlLimits(maxFileSize, 100));
    List<RulesCheck.Input> inputs = new ArrayList<>();
    if (files.isEmpty()) {
      inputs.add(RulesCheck.Input.bytes("standard input", readLimited(stdin, maxFileSize + 1)));
    } else {
      files.forEach(p -> inputs.add(RulesCheck.Input.file(p)));
    }
    CheckReporter reporter = switch (format) {
      case TEXT -> new TextReporter(out, err);
      case JSON -> new JsonReporter(out);
      case GITHUB -> new GithubReporter(out);
    };
    return new RulesCheck(options, duplicates, ruleOptions.lintFatal).run(inputs, reporter);
  }

  private static byte[] readLimited(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
  }
}
