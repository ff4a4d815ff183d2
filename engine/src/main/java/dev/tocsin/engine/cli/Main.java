package dev.tocsin.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tocsin} command line: promtool-shaped subcommands for checking, testing and running rules. */
@Command(
    name = "tocsin",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prometheus-rule-compatible alert evaluation for PromQL and LogQL rules.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The subcommands, created only when used: picocli reflects over every registered command at start-up. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("check", CheckCommand::new);
    SUBCOMMANDS.put("test", TestCommand::new);
    SUBCOMMANDS.put("query", QueryCommand::new);
    SUBCOMMANDS.put("run", RunCommand::new);
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    // A CLI run is short, so start-up dominates: register only the subcommand asked for (all of
    // them when none is, for the help and the error message).
    Supplier<Object> asked = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (asked != null) {
      cli.addSubcommand(args[0], asked.get());
    } else {
      SUBCOMMANDS.forEach((name, sub) -> cli.addSubcommand(name, sub.get()));
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("tocsin: error: " + ex.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check, test, query or run");
  }
}
