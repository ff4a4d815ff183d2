package dev.tocsin.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tocsin.model.ExpressionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid expressions and the exact first error Prometheus 3.x prints for them (wording from
 * Prometheus' parser and its parse_test.go; the inputs are our own).
 */
class ParseErrorTableTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // Lexer errors.
        row("", "1:1: parse error: no expression found in input"),
        row("  # nothing but a comment\n", "1:1: parse error: no expression found in input"),
        row("(up", "1:4: parse error: unclosed left parenthesis"),
        row("sum(rate(x[5m])", "1:16: parse error: unclosed left parenthesis"),
        row("(2))", "1:5: parse error: unexpected right parenthesis ')'"),
        row("up{", "1:4: parse error: unexpected end of input inside braces"),
        row("up}", "1:3: parse error: unexpected character: '}'"),
        row("up[5m", "1:6: parse error: unexpected end of input in duration expression"),
        row("x[\"1m\"]", "1:3: parse error: unexpected character in duration expression: '\"'"),
        row(".", "1:1: parse error: unexpected character: '.'"),
        row("3.1.", "1:1: parse error: bad number or duration syntax: \"3.1.\""),
        row("7..1", "1:1: parse error: bad number or duration syntax: \"7..\""),
        row("0cafe", "1:1: parse error: bad number or duration syntax: \"0\""),
        row("0dead", "1:1: parse error: bad number or duration syntax: \"0de\""),
        row("x[5ss]", "1:3: parse error: unknown unit \"ss\" in duration \"5ss\""),
        row("x[5sm]", "1:3: parse error: bad number or duration syntax: \"5sm\""),
        row("x[1h2]", "1:3: parse error: bad number or duration syntax: \"1h2\""),
        row("x offset 2hh", "1:10: parse error: bad number or duration syntax: \"2hh\""),
        row("2 !~ 2", "1:3: parse error: unexpected character after '!': '~'"),
        row("2 =~ 2", "1:3: parse error: unexpected character after '=': '~'"),
        row("x ~ y", "1:3: parse error: unexpected character: '~'"),
        row("x{a;b=\"c\"}", "1:4: parse error: unexpected character inside braces: ';'"),
        row("x{a<=\"c\"}", "1:4: parse error: unexpected character inside braces: '<'"),
        row("x{7}", "1:3: parse error: unexpected character inside braces: '7'"),
        row("x{a!\"b\"}", "1:4: parse error: unexpected character after '!' inside braces: '\"'"),
        row("\"open", "1:1: parse error: unterminated quoted string"),
        row("x{a='b}", "1:5: parse error: unterminated quoted string"),
        row("`raw", "1:1: parse error: unterminated raw string"),
        row("\"\\", "1:1: parse error: escape sequence not terminated"),
        row("\"\\q\"", "1:1: parse error: unknown escape sequence U+0071 'q'"),
        row("'\\\"'", "1:1: parse error: unknown escape sequence U+0022 '\"'"),
        row("\"\\xZ0\"", "1:1: parse error: illegal character U+005A 'Z' in escape sequence"),
        row("\"\\uD800\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
        // Syntax errors.
        row("2 -", "1:4: parse error: unexpected end of input"),
        row("/2", "1:1: parse error: unexpected <op:/>"),
        row("@@", "1:1: parse error: unexpected <op:@>"),
        row("+=", "1:2: parse error: unexpected \"=\""),
        row("--+-+->", "1:7: parse error: unexpected <op:>>"),
        row("x y", "1:3: parse error: unexpected identifier \"y\""),
        row("x start", "1:3: parse error: unexpected <start>"),
        row("x @ step()", "1:5: parse error: unexpected <step> in @, expected timestamp"),
        row("x 1", "1:3: parse error: unexpected number \"1\""),
        row("x \"a long string here\"", "1:3: parse error: unexpected string \"\\\"a long st\"..."),
        row("x and on(a) ignoring(b) y", "1:13: parse error: unexpected <ignoring>"),
        row("avg other_metric by (x)", "1:5: parse error: unexpected identifier \"other_metric\""),
        row("avg (x) by y", "1:12: parse error: unexpected identifier \"y\" in grouping opts, expected \"(\""),
        row("avg (x) without (a) by (b)", "1:21: parse error: unexpected <by>"),
        row("count without(!=)(x)", "1:15: parse error: unexpected <op:!=> in grouping opts, expected label"),
        row("count by(,)(x)", "1:10: parse error: unexpected \",\" in grouping opts, expected label"),
        row("count by(a,,)(x)", "1:12: parse error: unexpected \",\" in grouping opts, expected label"),
        row("count by(a b)(x)", "1:12: parse error: unexpected identifier \"b\" in grouping opts, expected \",\" or \")\""),
        row("sum(x y)", "1:7: parse error: unexpected identifier \"y\" in aggregation"),
        row("x{a=b}", "1:5: parse error: unexpected identifier \"b\" in label matching, expected string"),
        row("x{job}", "1:6: parse error: unexpected \"}\" in label matching, expected label matching operator"),
        row("x{a==\"b\"}", "1:5: parse error: unexpected \"=\" in label matching, expected string"),
        row("x{,}", "1:3: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
        row("x{a=\"b\" c}", "1:9: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\""),
        row("x{\"a\"!=}", "1:8: parse error: unexpected \"}\" in label matching, expected string"),
        row("x[]", "1:3: parse error: unexpected \"]\" in subquery or range selector, expected number, duration, step(), or range()"),
        row("x[5m 1m]", "1:6: parse error: unexpected duration \"1m\" in subquery or range, expected \":\" or \"]\""),
        row("x[5m:1m:]", "1:9: parse error: unexpected repeated colon in duration expression"),
        row("x[:5m]", "1:4: parse error: unexpected colon before duration in duration expression"),
        row("x offset", "1:9: parse error: unexpected end of input in offset, expected number, duration, step(), or range()"),
        row("x offset y", "1:10: parse error: unexpected identifier \"y\" in offset, expected number, duration, step(), or range()"),
        row("x @", "1:4: parse error: unexpected end of input in @, expected timestamp"),
        row("x @ later()", "1:5: parse error: unexpected identifier \"later\" in @, expected timestamp"),
        // Errors found while building the tree.
        row("rate(x[1m * 2])", "1:8: parse error: experimental duration expression is not enabled"),
        row("x[5m:30s+30s]", "1:6: parse error: experimental duration expression is not enabled"),
        row("x[0s]", "1:3: parse error: duration must be greater than 0"),
        row("x[-5]", "1:3: parse error: duration must be greater than 0"),
        row("x[5m1s1h]", "1:3: parse error: not a valid duration string: \"5m1s1h\""),
        row("x[2d1hs]", "1:3: parse error: unknown unit \"hs\" in duration \"2d1hs\""),
        row("x offset 1m [5m]", "1:13: parse error: no offset modifiers allowed before range"),
        row("x @ 10 [5m]", "1:8: parse error: no @ modifiers allowed before range"),
        row("x @ end() [5m]", "1:11: parse error: no @ modifiers allowed before range"),
        row("(x - y)[1m]", "1:8: parse error: ranges only allowed for vector selectors"),
        row("5 offset 1m", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        row("x offset 2s offset 3s", "1:1: parse error: offset may not be set multiple times"),
        row("sum(x) @ 100", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        row("x @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        row("x @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf"),
        row("x @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN"),
        row("does_not_exist(x)", "1:1: parse error: unknown function with name \"does_not_exist\""),
        row("RATE(x[5m])", "1:1: parse error: unknown function with name \"RATE\""),
        row("holt_winters(x[5m], 0.5, 0.5)", "1:1: parse error: unknown function with name \"holt_winters\""),
        row("sort_by_label(x, \"a\")", "1:1: parse error: function \"sort_by_label\" is not enabled"),
        row("mad_over_time(x[5m])", "1:1: parse error: function \"mad_over_time\" is not enabled"),
        row("limitk(2, x)", "1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions"),
        row("limit_ratio(0.5, x)", "1:1: parse error: limit_ratio() is experimental and must be enabled with --enable-feature=promql-experimental-functions"),
        row("abs(x,)", "1:6: parse error: trailing commas not allowed in function call args"),
        row("avg()", "1:1: parse error: no arguments for aggregate expression provided"),
        row("bottomk(x)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
        row("sum(x, y)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"),
        row("x{a=~\"(\"}", "1:3: parse error: error parsing regexp: missing closing ): `(`"),
        row("x{__name__=\"y\"}", "1:1: parse error: metric name must not be set twice: \"x\" or \"y\""),
        row("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        row("{a=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        row("{a!=\"b\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        row("x anchored", "1:1: parse error: anchored modifier is experimental and not enabled"),
        row("x + fill(0) y", "1:1: parse error: binop fill modifiers are experimental and not enabled"),
        // Type errors.
        row("rate(x)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        row("abs(x[1m])", "1:5: parse error: expected type instant vector in call to function \"abs\", got range vector"),
        row("ceil(2)", "1:6: parse error: expected type instant vector in call to function \"ceil\", got scalar"),
        row("label_replace(x, \"a\", \"b\", \"c\", 1)", "1:33: parse error: expected type string in call to function \"label_replace\", got scalar"),
        row("abs()", "1:1: parse error: expected 1 argument(s) in call to \"abs\", got 0"),
        row("time(x)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
        row("minute(x, y)", "1:1: parse error: expected at most 1 argument(s) in call to \"minute\", got 2"),
        row("label_join(x)", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1"),
        row("2 < 3", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        row("x + bool y", "1:3: parse error: bool modifier can only be used on comparison operators"),
        row("2 or x", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
        row("x unless on(a) group_left y", "1:1: parse error: no grouping allowed for \"unless\" operation"),
        row("x * on(a) group_left(a) y", "1:3: parse error: label \"a\" must not occur in ON and GROUP clause at once"),
        row("2 * on(a) x", "1:1: parse error: vector matching only allowed between instant vectors"),
        row("x[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        row("\"s\" * 2", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        row("-\"s\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""),
        row("-x[1m]", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""),
        row("x[1m][5m:]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
        row("sum(x[1m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"),
        row("quantile(x, y)", "1:10: parse error: expected type scalar in aggregation parameter, got instant vector"),
        row("count_values(2, x)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
        row("sum by (\"\") (x)", "1:9: parse error: invalid label name for grouping: \"\""));
  }

  private static Arguments row(String input, String expected) {
    return Arguments.of(input, expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void reportsTheErrorPrometheusReports(String input, String expected) {
    ExpressionException e =
        catchThrowableOfType(ExpressionException.class, () -> PromqlParser.parse(input));
    assertThat(e).as("parsing %s should fail", input).isNotNull();
    assertThat(e.errors().get(0).format(input)).isEqualTo(expected);
  }
}
