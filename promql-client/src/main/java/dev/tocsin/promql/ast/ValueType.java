package dev.tocsin.promql.ast;

/** The type of value a PromQL expression evaluates to. */
public enum ValueType {
  SCALAR("scalar"),
  VECTOR("instant vector"),
  MATRIX("range vector"),
  STRING("string");

  private final String documentedName;

  ValueType(String documentedName) {
    this.documentedName = documentedName;
  }

  /** The name Prometheus uses for this type in error messages, e.g. {@code instant vector}. */
  public String documentedName() {
    return documentedName;
  }
}
