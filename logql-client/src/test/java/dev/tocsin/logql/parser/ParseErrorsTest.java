package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.ParseError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid queries and the exact message Loki gives for each (without the position prefix). */
class ParseErrorsTest {
  private static final String EMPTY_COMPATIBLE =
      "queries require at least one regexp or equality matcher that does not have an empty-compatible"
          + " value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will";

  static Stream<Arguments> errors() {
    return Stream.of(
        // stream selectors
        arguments("{}", EMPTY_COMPATIBLE),
        arguments("{app=~\".*\"}", EMPTY_COMPATIBLE),
        arguments("{app!~\"a|b\"}", EMPTY_COMPATIBLE),
        arguments("{foo!=\"bar\"}", EMPTY_COMPATIBLE),
        arguments("sum(rate({a=\"\"}[5m]))", EMPTY_COMPATIBLE),
        arguments("rate({a=\"b\"}[5m]) / rate({a=~\".*\"}[5m])", EMPTY_COMPATIBLE),
        arguments("{a=~\"(\"}", "error parsing regexp: missing closing ): `^(?s:()$`"),
        arguments("{json=\"x\"}", "syntax error: unexpected json, expecting IDENTIFIER or }"),
        arguments("{foo=\"bar\"", "syntax error: unexpected $end, expecting } or ,"),
        // lexing
        arguments("{app=\"foo\"} |= \"x", "literal not terminated"),
        arguments("{a=\"\\q\"}", "invalid char escape"),
        arguments("rate({a=\"b\"}[5m", "missing closing ']' in duration"),
        arguments("rate({a=\"b\"}[5minutes])", "unknown unit \"minutes\" in duration \"5minutes\""),
        arguments("rate({a=\"b\"}[1.5m])", "unknown unit \".\" in duration \"1.5m\""),
        arguments("rate({a=\"b\"}[])", "empty duration string"),
        arguments("rate({a=\"b\"}[ 5m])", "not a valid duration string: \" 5m\""),
        arguments("rate({a=\"b\"}[5m1h])", "not a valid duration string: \"5m1h\""),
        arguments("08", "invalid digit '8' in octal literal"),
        // numbers
        arguments("0x1A", "unable to parse literal as a float: strconv.ParseFloat: parsing \"0x1A\": invalid syntax"),
        arguments("0b1010", "unable to parse literal as a float: strconv.ParseFloat: parsing \"0b1010\": invalid syntax"),
        arguments("1e400", "unable to parse literal as a float: strconv.ParseFloat: parsing \"1e400\": value out of range"),
        arguments("vector(0o7)", "unable to parse vectorExpr as a float: strconv.ParseFloat: parsing \"0o7\": invalid syntax"),
        arguments(
            "{app=\"foo\"} | logfmt | status_code > 0x10",
            "unable to parse literal as a float: strconv.ParseFloat: parsing \"0x10\": invalid syntax"),
        // range aggregations
        arguments("count_over_time({a=\"b\"} | unwrap x [5m])", "invalid aggregation count_over_time with unwrap"),
        arguments("bytes_rate({a=\"b\"} | logfmt | unwrap v [30s])", "invalid aggregation bytes_rate with unwrap"),
        arguments("sum_over_time({a=\"b\"}[5m])", "invalid aggregation sum_over_time without unwrap"),
        arguments("rate_counter({a=\"b\"}[5m])", "invalid aggregation rate_counter without unwrap"),
        arguments("first_over_time({a=\"b\"}[5m])", "invalid aggregation first_over_time without unwrap"),
        arguments("count_over_time({a=\"b\"}[5m]) by (a)", "grouping not allowed for count_over_time aggregation"),
        arguments("rate({a=\"b\"} | unwrap x [5m]) by (a)", "grouping not allowed for rate aggregation"),
        arguments("absent_over_time({a=\"b\"}[5m]) without (a)", "grouping not allowed for absent_over_time aggregation"),
        arguments("quantile_over_time({a=\"b\"} | unwrap x [5m])", "parameter required for operation quantile_over_time"),
        arguments("rate(5, {a=\"b\"}[5m])", "parameter 5 not supported for operation rate"),
        arguments(
            "quantile_over_time(0x1, {a=\"b\"} | unwrap x [5m])",
            "invalid parameter for operation quantile_over_time: strconv.ParseFloat: parsing \"0x1\": invalid syntax"),
        arguments("quantile_over_time(-0.1, {a=\"b\"} | unwrap v [1m])", "syntax error: unexpected -, expecting NUMBER or { or ("),
        arguments("count_over_time({a=\"b\"}[5m]) offset 5m", "syntax error: unexpected offset"),
        arguments("count_over_time({a=\"b\"}[5m] offset 0)", "syntax error: unexpected NUMBER, expecting DURATION"),
        arguments("rate({a=\"b\"})", "syntax error: unexpected )"),
        arguments("unk({ foo = \"bar\" }[5m])", "syntax error: unexpected IDENTIFIER"),
        arguments("bottomk(he,count_over_time({ foo = \"bar\" }[5h]))", "syntax error: unexpected IDENTIFIER"),
        arguments("stddev({ foo = \"bar\" })", "syntax error: unexpected )"),
        arguments("bool 1 > 1 > bool 1", "syntax error: unexpected bool"),
        arguments("#{app=\"foo\"} | json", "syntax error: unexpected $end"),
        arguments(
            "quantile_over_time(foo,{namespace=\"tns\"} | json | unwrap latency [5m])",
            "syntax error: unexpected IDENTIFIER, expecting NUMBER or { or ("),
        arguments("1 + count_over_time({app=~\".+\"}[5m]) + count_over_time({app=~\".*\"}[5m])", EMPTY_COMPATIBLE),
        arguments("min({ foo = \"bar\" }[5m])", "syntax error: unexpected RANGE"),
        arguments("label_replace(rate({ foo = \"bar\" }[5m]),\"\")", "syntax error: unexpected ), expecting ,"),
        // vector aggregations
        arguments("topk(count_over_time({a=\"b\"}[5m]))", "parameter required for operation topk"),
        arguments("topk(1.5, vector(1))", "invalid parameter topk(1.5,"),
        arguments("bottomk(0, vector(1))", "invalid parameter (must be greater than 0) bottomk(0"),
        arguments("sum(2, vector(1))", "unsupported parameter for operation sum(2,"),
        arguments("approx_topk(2, vector(1)) by (a)", "grouping not allowed for approx_topk aggregation"),
        arguments("sort by (a) (vector(1))", "sort and sort_desc doesn't allow grouping by "),
        arguments("sum({a=\"b\"})", "syntax error: unexpected )"),
        // binary operations
        arguments("{a=\"b\"} + {a=\"b\"}", "unexpected type for left leg of binary operation (+): *syntax.MatchersExpr"),
        arguments("{a=\"b\"} |= \"x\" > 1", "unexpected type for left leg of binary operation (>): *syntax.PipelineExpr"),
        arguments("1 + {a=\"b\"}", "unexpected type for right leg of binary operation (+): *syntax.MatchersExpr"),
        arguments("1 and 2", "unexpected literal for left leg of logical/set binary operation (and): 1.000000"),
        arguments("vector(1) or 1", "unexpected literal for right leg of logical/set binary operation (or): 1.000000"),
        arguments("-count_over_time({a=\"b\"}[1m])", "syntax error: unexpected COUNT_OVER_TIME, expecting NUMBER"),
        arguments("vector(1) bool > vector(1)", "syntax error: unexpected bool"),
        // pipeline stages
        arguments("{a=\"b\"} | x == \"y\"", "syntax error: unexpected STRING"),
        arguments("{a=\"b\"} | x > ip(\"10.0.0.0/8\")", "syntax error: unexpected ip"),
        arguments("{a=\"b\"} | size > 1mb [1m]", "syntax error: unexpected RANGE"),
        arguments("{a=\"b\"} | regexp \"nocapture\"", "invalid regexp parser: at least one named capture must be supplied"),
        arguments("{a=\"b\"} | regexp \"(\"", "invalid regexp parser: error parsing regexp: missing closing ): `(`"),
        arguments("{a=\"b\"} | regexp `(?P<x>.)(?P<x>.)`", "invalid regexp parser: duplicate extracted label name 'x'"),
        arguments("{a=\"b\"} | pattern \"no captures <_>\"", "invalid pattern parser: at least one capture is required"),
        arguments("{a=\"b\"} | pattern \"<a> <a>\"", "invalid pattern parser: duplicate capture name (a): invalid expression"),
        arguments("{a=\"b\"} | pattern \"<a><_>\"", "invalid pattern parser: found consecutive capture '<a><_>': invalid expression"),
        arguments("{a=\"b\"} | logfmt a --strict", "syntax error: unexpected PARSER_FLAG"),
        // functions
        arguments("label_replace(vector(1), \"a\", \"b\", \"c\", \"(\")", "invalid regex in label_replace: error parsing regexp: missing closing ): `^(?:()$`"),
        arguments("vector(-1)", "syntax error: unexpected -, expecting NUMBER"),
        arguments("abs(vector(1))", "syntax error: unexpected IDENTIFIER"),
        arguments("variants(count_over_time({a=\"b\"}[1m])) of ({a=\"b\"}[1m])", "syntax error: unexpected variants"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsWithLokisMessage(String query, String message) {
    assertThatThrownBy(() -> LogqlParser.parse(query))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).message()).isEqualTo(message);
              assertThat(e.text()).isEqualTo(query);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void pointsAtPlaceInsideTheQuery(String query, String message) {
    ParseError error = catchError(query);
    assertThat(error.span().start()).isBetween(0, query.length());
    assertThat(error.span().end()).isBetween(error.span().start(), query.length());
  }

  private static ParseError catchError(String query) {
    try {
      LogqlParser.parse(query);
    } catch (ExpressionException e) {
      return e.errors().get(0);
    }
    throw new AssertionError("parsed: " + query);
  }
}
