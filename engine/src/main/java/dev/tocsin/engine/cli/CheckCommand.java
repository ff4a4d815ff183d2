package dev.tocsin.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin check}: the static checks, as {@code promtool check}. */
@Command(name = "check", description = "Check the resources for validity.",
    mixinStandardHelpOptions = true)
final class CheckCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: rules or config");
  }
}
