package dev.tocsin.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin test}: unit tests and conformance scripts, as {@code promtool test}. */
@Command(name = "test", description = "Unit testing.",
    mixinStandardHelpOptions = true)
final class TestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: rules, promql or logql");
  }
}
