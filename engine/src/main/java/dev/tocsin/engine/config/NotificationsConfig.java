package dev.tocsin.engine.config;

import java.nio.file.Path;
import java.util.Objects;

/** The {@code notifications:} section: the alertmanager.yml that configures Tocsin's built-in routing. */
public record NotificationsConfig(Path configFile) {
  public NotificationsConfig {
    Objects.requireNonNull(configFile, "configFile is null");
  }
}
