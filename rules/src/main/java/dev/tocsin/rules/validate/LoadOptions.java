package dev.tocsin.rules.validate;

import dev.tocsin.model.yaml.YamlLimits;

/**
 * How rule files are loaded: strictness about unknown fields ({@code --ignore-unknown-fields}),
 * whether experimental PromQL functions are accepted, the YAML limits, and whether the loaded
 * model needs source positions when the file is valid ({@code positions}: errors and warnings are
 * always positioned).
 */
public record LoadOptions(boolean ignoreUnknownFields, boolean experimentalFunctions, YamlLimits limits,
    boolean positions) {
  /** Prometheus' defaults: strict fields, no experimental functions. */
  public static final LoadOptions DEFAULT = new LoadOptions(false, false, YamlLimits.DEFAULT);

  /** Options whose model keeps source positions. */
  public LoadOptions(boolean ignoreUnknownFields, boolean experimentalFunctions, YamlLimits limits) {
    this(ignoreUnknownFields, experimentalFunctions, limits, true);
  }

  /** A copy with experimental PromQL functions enabled or not. */
  public LoadOptions withExperimentalFunctions(boolean on) {
    return new LoadOptions(ignoreUnknownFields, on, limits, positions);
  }

  /**
   * A copy whose valid files load without source positions: the daemon never shows them, and YAML
   * position marks are most of the memory a large file takes while it loads.
   */
  public LoadOptions withoutPositions() {
    return new LoadOptions(ignoreUnknownFields, experimentalFunctions, limits, false);
  }
}
