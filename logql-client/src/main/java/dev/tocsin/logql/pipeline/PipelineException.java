package dev.tocsin.logql.pipeline;

/** A pipeline that cannot be built, e.g. an invalid {@code ip()} pattern or template; Loki reports these when the query starts. */
public final class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with Loki's message. */
  public PipelineException(String message) {
    super(message);
  }
}
