package dev.tocsin.engine.daemon;

import dev.tocsin.engine.config.HttpDatasourceConfig;
import dev.tocsin.logql.http.LokiHttpClient;
import dev.tocsin.promql.http.PrometheusHttpClient;
import dev.tocsin.promql.value.QueryClient;

/** Prometheus-compatible and Loki datasources over HTTP, with their tenant, timeout and http_config. */
public final class HttpDatasources implements Datasources.HttpDatasourceFactory {
  @Override
  public QueryClient prometheus(HttpDatasourceConfig c) {
    return PrometheusHttpClient.builder(c.url()).tenant(c.tenantId()).httpConfig(c.http()).timeout(c.timeout()).build();
  }

  @Override
  public QueryClient loki(HttpDatasourceConfig c) {
    return LokiHttpClient.builder(c.url()).tenant(c.tenantId()).httpConfig(c.http()).timeout(c.timeout()).build();
  }
}
