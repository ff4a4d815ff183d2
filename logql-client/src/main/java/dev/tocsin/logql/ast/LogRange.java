package dev.tocsin.logql.ast;

import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The argument of a range aggregation: a log query over a range, maybe offset, maybe unwrapped. */
public record LogRange(Span span, LogQuery query, Duration range, Optional<Duration> offset, Optional<Unwrap> unwrap) {
  public LogRange {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(query, "query is null");
    Objects.requireNonNull(range, "range is null");
    Objects.requireNonNull(offset, "offset is null");
    Objects.requireNonNull(unwrap, "unwrap is null");
  }
}
