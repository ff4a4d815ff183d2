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

  /**
   * The subcommands and theirs, created only when used: picocli reflects over every command it is
   * given at start-up, and a CLI run is short enough for that to show.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  private static final Map<String, Map<String, Supplier<Object>>> NESTED = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("check", CheckCommand::new);
    SUBCOMMANDS.put("test", TestCommand::new);
    SUBCOMMANDS.put("query", QueryCommand::new);
    SUBCOMMANDS.put("run", RunCommand::new);
    Map<String, Supplier<Object>> check = new LinkedHashMap<>();
    check.put("rules", CheckRulesCommand::new);
    check.put("config", CheckConfigCommand::new);
    NESTED.put("check", check);
    Map<String, Supplier<Object>> test = new LinkedHashMap<>();
    test.put("rules", TestRulesCommand::new);
    test.put("promql", TestPromqlCommand::new);
    test.put("logql", TestLogqlCommand::new);
    NESTED.put("test", test);
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    CommandLine cli = commandLine(args);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("tocsin: error: " + ex.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  /**
   * The command tree for these arguments: only the subcommands they name, or all of a level when
   * they name none there (for the help and the error message).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Main());
    chosen(SUBCOMMANDS, args, 0).forEach((name, create) -> {
      CommandLine sub = new CommandLine(create.get());
      chosen(NESTED.getOrDefault(name, Map.of()), args, 1).forEach((n, c) -> sub.addSubcommand(n, c.get()));
      cli.addSubcommand(name, sub);
    });
    return cli;
  }

  /** The one subcommand {@code args[at]} names, or all of them when it names none. */
  private static Map<String, Supplier<Object>> chosen(Map<String, Supplier<Object>> all, String[] args, int at) {
    String asked = args.length > at ? args[at] : null;
    return asked != null && all.containsKey(asked) ? Map.of(asked, all.get(asked)) : all;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check, test, query or run");
  }
}
