package dev.tocsin.model.yaml;

/**
 * Bounds that keep hostile YAML from exhausting memory or time: the file size, and how many alias
 * references a document may use (the "billion laughs" defence).
 */
public record YamlLimits(long maxFileBytes, int maxAliases) {
  /** 64 MiB, the default file-size limit; valid files up to it load. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  public static final YamlLimits DEFAULT = new YamlLimits(DEFAULT_MAX_FILE_BYTES, 100);

  public YamlLimits {
    if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxFileBytes must be in 1.." + Integer.MAX_VALUE);
    }
  }
}
