package dev.tocsin.logql.ast;

/** The vector aggregation operators LogQL has (a subset of PromQL's, plus {@code approx_topk}). */
public enum VectorOp {
  SUM("sum"),
  AVG("avg"),
  COUNT("count"),
  MAX("max"),
  MIN("min"),
  STDDEV("stddev"),
  STDVAR("stdvar"),
  BOTTOMK("bottomk"),
  TOPK("topk"),
  SORT("sort"),
  SORT_DESC("sort_desc"),
  APPROX_TOPK("approx_topk");

  private final String symbol;

  VectorOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in a query. */
  public String symbol() {
    return symbol;
  }

  /** Whether the operator takes a count parameter first ({@code topk(5, ...)}). */
  public boolean takesParameter() {
    return this == TOPK || this == BOTTOMK || this == APPROX_TOPK;
  }
}
