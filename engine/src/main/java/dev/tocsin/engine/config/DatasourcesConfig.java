package dev.tocsin.engine.config;

/** The {@code datasources:} section; either may be {@code null} when no rule needs it. */
public record DatasourcesConfig(DatasourceConfig prometheus, DatasourceConfig loki) {}
