/** HTTP access to Prometheus-compatible servers: the shared client configuration and the query client. */
package dev.tocsin.promql.http;
