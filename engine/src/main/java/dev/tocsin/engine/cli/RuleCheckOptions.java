package dev.tocsin.engine.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code check rules} and {@code check config} share for checking rule files, as in promtool. */
final class RuleCheckOptions {
  @Option(names = "--lint", defaultValue = "duplicate-rules",
      description = "Linting checks to apply: duplicate-rules, all or none (default: ${DEFAULT-VALUE}).")
  String lint;

  @Option(names = "--lint-fatal", description = "Make lint errors exit with exit code 3.")
  boolean lintFatal;

  @Option(names = "--enable-feature", split = ",",
      description = "Enable features, e.g. promql-experimental-functions (comma-separated or repeated).")
  List<String> features = new ArrayList<>();

  /** Whether to look for duplicate rules; warns on standard output about an unknown option, as promtool. */
  boolean lintDuplicates(PrintStream out) {
    return switch (lint) {
      case "duplicate-rules", "all" -> true;
      case "none" -> false;
      default -> {
        out.println("WARNING: unknown lint option: \"" + lint + "\"");
        yield false;
      }
    };
  }

  /** Whether experimental PromQL functions are accepted. */
  boolean experimentalFunctions() {
    return features.contains("promql-experimental-functions");
  }
}
