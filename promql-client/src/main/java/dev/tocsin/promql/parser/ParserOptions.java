package dev.tocsin.promql.parser;

/**
 * Switches for the PromQL parser.
 *
 * @param experimentalFunctions accept the experimental functions and aggregations ({@code
 *     sort_by_label}, {@code limitk}, …), as Prometheus does with {@code
 *     --enable-feature=promql-experimental-functions}
 */
public record ParserOptions(boolean experimentalFunctions) {
  /** Prometheus' defaults: experimental functions off. */
  public static final ParserOptions DEFAULT = new ParserOptions(false);

  /** Every feature Tocsin implements turned on, as {@code tocsin test promql} runs. */
  public static final ParserOptions ALL_FEATURES = new ParserOptions(true);
}
