package dev.tocsin.promql.ast;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An instant vector selector. As in Prometheus, {@code matchers} holds every matcher, including
 * the {@code __name__} equality matcher for a metric name written before the braces (then
 * {@code name} is that name; otherwise it is empty).
 *
 * @param offset the offset modifier, {@link Duration#ZERO} when absent (may be negative)
 * @param at the {@code @} modifier, or {@code null}
 */
public record VectorSelector(
    Span span, String name, List<LabelMatcher> matchers, Duration offset, AtModifier at)
    implements Expr {
  public VectorSelector {
    Objects.requireNonNull(span, "span is null");
    Objects.requireNonNull(name, "name is null");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(offset, "offset is null");
  }

  /** A copy with another span. */
  public VectorSelector withSpan(Span newSpan) {
    return new VectorSelector(newSpan, name, matchers, offset, at);
  }

  /** A copy with another offset. */
  public VectorSelector withOffset(Duration newOffset) {
    return new VectorSelector(span, name, matchers, newOffset, at);
  }

  /** A copy with another {@code @} modifier. */
  public VectorSelector withAt(AtModifier newAt) {
    return new VectorSelector(span, name, matchers, offset, newAt);
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitVectorSelector(this);
  }
}
