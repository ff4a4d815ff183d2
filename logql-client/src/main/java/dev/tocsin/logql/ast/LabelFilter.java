package dev.tocsin.logql.ast;

import dev.tocsin.model.LabelMatcher;
import java.time.Duration;
import java.util.Objects;

/** A predicate on labels, as written after {@code |} or after {@code unwrap}. */
public sealed interface LabelFilter {
  /** Calls the visitor method for this filter's type. */
  <R> R accept(LabelFilterVisitor<R> visitor);

  /** Compares a label as a string, with the label matcher operators. */
  record StringFilter(LabelMatcher matcher) implements LabelFilter {
    public StringFilter {
      Objects.requireNonNull(matcher, "matcher is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitString(this);
    }
  }

  /** Compares a label parsed as a float. */
  record NumberFilter(String label, ComparisonOp op, double value) implements LabelFilter {
    public NumberFilter {
      Objects.requireNonNull(label, "label is null");
      Objects.requireNonNull(op, "op is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitNumber(this);
    }
  }

  /** Compares a label parsed as a Go duration. */
  record DurationFilter(String label, ComparisonOp op, Duration value) implements LabelFilter {
    public DurationFilter {
      Objects.requireNonNull(label, "label is null");
      Objects.requireNonNull(op, "op is null");
      Objects.requireNonNull(value, "value is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitDuration(this);
    }
  }

  /** Compares a label parsed as a byte size; the value is unsigned. */
  record BytesFilter(String label, ComparisonOp op, long value) implements LabelFilter {
    public BytesFilter {
      Objects.requireNonNull(label, "label is null");
      Objects.requireNonNull(op, "op is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitBytes(this);
    }
  }

  /** {@code label = ip("cidr")} or {@code label != ip("cidr")}; the pattern is checked when evaluated, as in Loki. */
  record IpFilter(String label, boolean negated, String pattern) implements LabelFilter {
    public IpFilter {
      Objects.requireNonNull(label, "label is null");
      Objects.requireNonNull(pattern, "pattern is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitIp(this);
    }
  }

  /** Both filters ({@code and}, {@code ,} or juxtaposition). */
  record And(LabelFilter left, LabelFilter right) implements LabelFilter {
    public And {
      Objects.requireNonNull(left, "left is null");
      Objects.requireNonNull(right, "right is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitAnd(this);
    }
  }

  /** Either filter. */
  record Or(LabelFilter left, LabelFilter right) implements LabelFilter {
    public Or {
      Objects.requireNonNull(left, "left is null");
      Objects.requireNonNull(right, "right is null");
    }

    @Override
    public <R> R accept(LabelFilterVisitor<R> visitor) {
      return visitor.visitOr(this);
    }
  }

  /** The comparison operators of numeric, duration and byte filters ({@code =} and {@code ==} are the same). */
  enum ComparisonOp {
    GT(">"),
    GTE(">="),
    LT("<"),
    LTE("<="),
    EQ("=="),
    NEQ("!=");

    private final String symbol;

    ComparisonOp(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as printed. */
    public String symbol() {
      return symbol;
    }
  }
}
