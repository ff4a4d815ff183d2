package dev.tocsin.template;

import java.time.Instant;
import java.util.List;

/** Runs an instant query for the template {@code query} function; the engine adapts its query client. */
@FunctionalInterface
public interface QueryFunction {
  /**
   * Evaluates {@code expr} at {@code time}.
   *
   * @throws RuntimeException whose message becomes the template error, as Prometheus reports it
   */
  List<QuerySample> query(String expr, Instant time);
}
