package dev.tocsin.engine.cli;

import dev.tocsin.engine.config.ConfigLoadResult;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.config.TocsinConfigLoader;
import dev.tocsin.model.source.Diagnostic;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Loads {@code tocsin.yml} for the daemon: the config, or every error at file:line:column, one per line. */
final class ConfigFiles {
  private ConfigFiles() {}

  /** A loaded config ({@code null} when invalid), its errors and its warnings, formatted. */
  record Loaded(TocsinConfig config, String errors, String warnings) {}

  static Loaded load(Path file) {
    ConfigLoadResult r = new TocsinConfigLoader().load(file);
    String warnings = r.warnings().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    if (r.hasErrors()) {
      return new Loaded(null, r.errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n")), warnings);
    }
    return new Loaded(r.config(), "", warnings);
  }
}
