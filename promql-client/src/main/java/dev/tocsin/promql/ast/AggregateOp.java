package dev.tocsin.promql.ast;

/** The aggregation operators. */
public enum AggregateOp {
  SUM,
  AVG,
  COUNT,
  MIN,
  MAX,
  GROUP,
  STDDEV,
  STDVAR,
  TOPK,
  BOTTOMK,
  COUNT_VALUES,
  QUANTILE,
  LIMITK,
  LIMIT_RATIO;

  /** The operator as written in PromQL. */
  public String symbol() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the operator takes a parameter before the aggregated expression. */
  public boolean hasParam() {
    return switch (this) {
      case TOPK, BOTTOMK, COUNT_VALUES, QUANTILE, LIMITK, LIMIT_RATIO -> true;
      default -> false;
    };
  }

  /** Whether the operator is accepted only with experimental functions enabled. */
  public boolean experimental() {
    return this == LIMITK || this == LIMIT_RATIO;
  }

  /** The type the parameter must have, or {@code null} when there is none. */
  public ValueType paramType() {
    return switch (this) {
      case TOPK, BOTTOMK, QUANTILE, LIMITK, LIMIT_RATIO -> ValueType.SCALAR;
      case COUNT_VALUES -> ValueType.STRING;
      default -> null;
    };
  }
}
