package dev.tocsin.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded and validated {@code tocsin.yml}: the global settings, the rule files (globs resolved
 * against the config file's folder), the datasources, where alerts go, the optional built-in
 * routing and the state directory.
 */
public record TocsinConfig(
    Path file,
    GlobalConfig global,
    List<Path> ruleFiles,
    DatasourcesConfig datasources,
    AlertingConfig alerting,
    NotificationsConfig notifications,
    StateConfig state) {

  public TocsinConfig {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(global, "global is null");
    ruleFiles = List.copyOf(ruleFiles);
    Objects.requireNonNull(datasources, "datasources is null");
    Objects.requireNonNull(alerting, "alerting is null");
    Objects.requireNonNull(state, "state is null");
  }
}
