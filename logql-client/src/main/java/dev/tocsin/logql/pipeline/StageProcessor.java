package dev.tocsin.logql.pipeline;

/** One compiled pipeline stage. */
@FunctionalInterface
public interface StageProcessor {
  /** Processes the line in place; returns false when the stage drops it. */
  boolean process(LineContext ctx);
}
