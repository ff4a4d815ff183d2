/** The Loki HTTP query client ({@link dev.tocsin.logql.http.LokiHttpClient}), OkHttp and Jackson based. */
package dev.tocsin.logql.http;
