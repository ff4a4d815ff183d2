package dev.tocsin.engine.config;

/** One datasource: a server reached over HTTP, or the embedded in-memory engine fed from a file. */
public sealed interface DatasourceConfig permits HttpDatasourceConfig, EmbeddedDatasourceConfig {}
