package dev.tocsin.rules.validate;

import dev.tocsin.model.yaml.YamlLimits;

/**
 * How rule files are loaded: strictness about unknown fields ({@code --ignore-unknown-fields}),
 * whether experimental PromQL functions are accepted, and the YAML limits.
 */
public record LoadOptions(boolean ignoreUnknownFields, boolean experimentalFunctions, YamlLimits limits) {
  /** Prometheus' defaults: strict fields, no experimental functions. */
  public static final LoadOptions DEFAULT = new LoadOptions(false, false, YamlLimits.DEFAULT);

  /** A copy with experimental PromQL functions enabled or not. */
  public LoadOptions withExperimentalFunctions(boolean on) {
    return new LoadOptions(ignoreUnknownFields, on, limits);
  }
}
