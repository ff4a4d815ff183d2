/**
 * Tocsin's log lines: one JSON object (or logfmt line) per event with a timestamp, level, stable
 * event name, correlation id, message and the statement's other key-values.
 */
package dev.tocsin.engine.logging;
