/**
 * The embedded LogQL engine: {@link dev.tocsin.logql.engine.MemoryLogStore} holds log streams and
 * {@link dev.tocsin.logql.engine.MemoryLogqlEngine} answers instant and range queries over it with
 * Loki 3.x semantics.
 */
package dev.tocsin.logql.engine;
