package dev.tocsin.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tocsin} command line: promtool-shaped subcommands for checking, testing and running rules. */
@Command(
    name = "tocsin",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prometheus-rule-compatible alert evaluation for PromQL and LogQL rules.",
    subcommands = {CheckCommand.class, TestCommand.class, QueryCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("tocsin: error: " + ex.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check or test");
  }
}
