package dev.tocsin.rules.report;

import dev.tocsin.rules.lint.DuplicateRule;
import dev.tocsin.rules.lint.DuplicateRulesCheck;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code check rules}: loads each file (all of them, even after a failure), runs the lint checks
 * on the valid ones, reports, and computes promtool's exit code.
 */
public final class RulesCheck {
  /** Exit code when every file passed (lint findings do not count without --lint-fatal). */
  public static final int OK = 0;
  /** Exit code when any file has an error. */
  public static final int ERRORS = 1;
  /** Exit code when only lint findings were reported and --lint-fatal was given. */
  public static final int LINT = 3;

  private final RuleFileLoader loader;
  private final boolean lintDuplicates;
  private final boolean lintFatal;

  public RulesCheck(LoadOptions options, boolean lintDuplicates, boolean lintFatal) {
    this.loader = new RuleFileLoader(options);
    this.lintDuplicates = lintDuplicates;
    this.lintFatal = lintFatal;
  }

  private FileCheck check(Input in) {
    LoadResult result = in.path() != null ? loader.load(in.path()) : loader.load(in.name(), in.bytes());
    List<DuplicateRule> dups = List.of();
    if (!result.hasErrors() && lintDuplicates && result.file() != null) {
      dups = DuplicateRulesCheck.find(result.file());
    }
    return new FileCheck(in.name(), result, dups);
  }

  /** One input: a file on disk, or bytes read from standard input under a display name. */
  public record Input(String name, Path path, byte[] bytes) {
    /** A file to read. */
    public static Input file(Path path) {
      return new Input(path.toString(), path, null);
    }

    /** Bytes already read, for standard input. */
    public static Input bytes(String name, byte[] bytes) {
      return new Input(name, null, bytes);
    }
  }

  /**
   * Checks every input and returns the exit code. Files are loaded in parallel (a CI run checks
   * many files and each is independent) and reported in the order given.
   */
  public int run(List<Input> inputs, CheckReporter reporter) {
    boolean errors = false;
    boolean lint = false;
    List<FileCheck> checks = inputs.size() > 1 ? inputs.parallelStream().map(this::check).toList()
        : inputs.stream().map(this::check).toList();
    for (FileCheck check : checks) {
      reporter.start(check.name());
      errors |= check.result().hasErrors();
      lint |= !check.duplicates().isEmpty();
      reporter.report(check);
    }
    reporter.finish();
    if (errors) {
      return ERRORS;
    }
    return lint && lintFatal ? LINT : OK;
  }
}
