package dev.tocsin.engine.daemon;

import dev.tocsin.engine.config.DatasourceConfig;
import dev.tocsin.engine.config.DatasourcesConfig;
import dev.tocsin.engine.config.EmbeddedDatasourceConfig;
import dev.tocsin.engine.config.HttpDatasourceConfig;
import dev.tocsin.engine.eval.SampleSink;
import dev.tocsin.engine.unittest.SeriesFile;
import dev.tocsin.engine.unittest.StreamFile;
import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.logql.engine.MemoryLogqlEngine;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.promql.value.QueryClient;
import dev.tocsin.promql.value.QueryException;
import dev.tocsin.promql.value.QueryException.ErrorType;
import dev.tocsin.promql.value.QueryResult;
import dev.tocsin.rules.model.QueryLanguage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The query clients the configured datasources give, one per language, the sink recording-rule
 * and {@code ALERTS} samples go to (the embedded storage, so later rules see them; nowhere for a
 * remote Prometheus), the base URL of PromQL generator links, and the Grafana URL LogQL generator
 * links open (or {@code null}).
 */
public record Datasources(Map<QueryLanguage, QueryClient> clients, SampleSink sink, String promqlLinkBase,
    String grafanaUrl) {

  public Datasources {
    clients = Map.copyOf(clients);
  }

  /** Datasources whose LogQL generator links point to Tocsin's own page. */
  public Datasources(Map<QueryLanguage, ? extends QueryClient> clients, SampleSink sink, String promqlLinkBase) {
    this(Map.copyOf(clients), sink, promqlLinkBase, null);
  }

  /** The PromQL client the template {@code query} function uses: one that fails when there is none. */
  public QueryClient templateQueries() {
    QueryClient promql = clients.get(QueryLanguage.PROMQL);
    return promql != null ? promql : NoDatasource.INSTANCE;
  }

  /** The same datasources with every request timed into {@code registry}, labelled prometheus or loki. */
  public Datasources timed(MeterRegistry registry) {
    Map<QueryLanguage, QueryClient> timed = new EnumMap<>(QueryLanguage.class);
    clients.forEach((language, client) -> timed.put(language,
        new TimedQueryClient(client, language == QueryLanguage.PROMQL ? "prometheus" : "loki", registry)));
    return new Datasources(timed, sink, promqlLinkBase, grafanaUrl);
  }

  /**
   * Builds the clients; embedded datasources load their files with {@code start} (the daemon's
   * start time) as the default start.
   *
   * @throws IllegalArgumentException naming the file when an embedded file cannot be read or loaded
   */
  public static Datasources create(DatasourcesConfig config, Instant start, String externalUrl,
      HttpDatasourceFactory http) {
    Map<QueryLanguage, QueryClient> clients = new EnumMap<>(QueryLanguage.class);
    SampleSink sink = SampleSink.DISCARD;
    String promqlLink = externalUrl;
    String grafana = null;
    DatasourceConfig prom = config.prometheus();
    if (prom instanceof EmbeddedDatasourceConfig e) {
      MemoryStorage storage = new MemoryStorage();
      Path file = e.seriesFile();
      SeriesFile.Result r = SeriesFile.read(file.toString(), read(file), start);
      if (r.file() == null) {
        throw new IllegalArgumentException(String.join("\n", r.errors()));
      }
      r.file().loadInto(storage, file.toString());
      clients.put(QueryLanguage.PROMQL, new MemoryPromqlEngine(storage, EngineOptions.DEFAULT));
      sink = new StorageSink(storage);
    } else if (prom instanceof HttpDatasourceConfig h) {
      clients.put(QueryLanguage.PROMQL, http.prometheus(h));
      promqlLink = h.externalUrl();
    }
    DatasourceConfig loki = config.loki();
    if (loki instanceof EmbeddedDatasourceConfig e) {
      MemoryLogStore store = new MemoryLogStore();
      Path file = e.streamsFile();
      StreamFile.Result r = StreamFile.read(file.toString(), read(file), start);
      if (r.file() == null) {
        throw new IllegalArgumentException(String.join("\n", r.errors()));
      }
      r.file().loadInto(store, file.toString());
      clients.put(QueryLanguage.LOGQL, new MemoryLogqlEngine(store));
    } else if (loki instanceof HttpDatasourceConfig h) {
      clients.put(QueryLanguage.LOGQL, http.loki(h));
      grafana = h.grafanaUrl();
    }
    return new Datasources(clients, sink, promqlLink, grafana);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Builds HTTP query clients from their configuration. */
  public interface HttpDatasourceFactory {
    /** A client for a Prometheus-compatible server. */
    QueryClient prometheus(HttpDatasourceConfig config);

    /** A client for a Loki server. */
    QueryClient loki(HttpDatasourceConfig config);
  }

  /**
   * Appends rule output to the embedded storage. Groups evaluate on several threads while the
   * storage takes one appender at a time, hence the lock; a rejected sample is counted, not fatal.
   */
  static final class StorageSink implements SampleSink {
    private final MemoryStorage storage;
    private final LongAdder rejected = new LongAdder();

    StorageSink(MemoryStorage storage) {
      this.storage = storage;
    }

    @Override
    public synchronized void append(Labels labels, long timestamp, double value) {
      try {
        storage.append(labels, timestamp, value);
      } catch (RuntimeException e) {
        rejected.increment();
      }
    }

    long rejected() {
      return rejected.sum();
    }
  }

  /** Answers every query with an error: no datasource of that language is configured. */
  private enum NoDatasource implements QueryClient {
    INSTANCE;

    @Override
    public QueryResult instantQuery(String expr, Instant time) {
      throw new QueryException(ErrorType.UNAVAILABLE, "no prometheus datasource is configured");
    }

    @Override
    public QueryResult rangeQuery(String expr, Instant start, Instant end, Duration step) {
      throw new QueryException(ErrorType.UNAVAILABLE, "no prometheus datasource is configured");
    }
  }

}
