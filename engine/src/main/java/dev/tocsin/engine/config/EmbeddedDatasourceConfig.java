package dev.tocsin.engine.config;

import java.nio.file.Path;

/**
 * The embedded in-memory datasource ({@code embedded: {series_file: …}} for PromQL,
 * {@code {streams_file: …}} for LogQL), replayed relative to the daemon's start time; exactly one
 * of the two paths is set.
 */
public record EmbeddedDatasourceConfig(Path seriesFile, Path streamsFile) implements DatasourceConfig {
  public EmbeddedDatasourceConfig {
    if ((seriesFile == null) == (streamsFile == null)) {
      throw new IllegalArgumentException("exactly one of series_file and streams_file must be set");
    }
  }
}
