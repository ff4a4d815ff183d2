package dev.tocsin.rules.model;

/** The query language of a rule's expression. */
public enum QueryLanguage {
  PROMQL("promql"),
  LOGQL("logql");

  private final String id;

  QueryLanguage(String id) {
    this.id = id;
  }

  /** The lower-case name used in the API and in output. */
  public String id() {
    return id;
  }

  /**
   * The language a group's {@code type:} value names ({@code prometheus}/{@code promql}, {@code
   * loki}/{@code logql}), or {@code null} if it names none.
   */
  public static QueryLanguage ofGroupType(String type) {
    return switch (type) {
      case "prometheus", "promql" -> PROMQL;
      case "loki", "logql" -> LOGQL;
      default -> null;
    };
  }
}
