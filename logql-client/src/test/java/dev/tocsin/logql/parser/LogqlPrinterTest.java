package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.logql.ast.LogqlExpr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The printer's output parses back to the same tree, including for values with no literal form. */
class LogqlPrinterTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 / 0",
        "10 ^ 400",
        "-10 ^ 401",
        "-0.0",
        "1e-7",
        "123456789012345678",
        "{a=\"tab\\there \\\"quoted\\\" \\\\ \\x01 ünï\"}",
        "{a=\"b\"} | x=\"1\", y=\"2\" or z=\"3\" and (w=\"4\" or v=\"5\")",
        "{a=\"b\"} | d > 1.5ms | e < 36h | f == 0s | g > -90s",
        "{a=\"b\"} | s > 1.5KiB | t < 1099511627776B",
        "rate({a=\"b\"}[1y2w3d4h5m6s7ms] offset 1.5h)",
        "vector(1) > bool ignoring () group_right () (vector(2) + vector(3))",
        "sum by () (vector(1)) / on (a, b) group_left vector(2)",
        "label_replace(vector(1), \"d\", \"$1\", \"s\", \"(.*)\")",
        "{a=\"b\"} | json | logfmt --strict | regexp \"(?P<a>.)\" | pattern \"<a> <_>\" | unpack | decolorize",
        "{a=\"b\"} | drop a, b!~\"c\" | keep d=\"e\", f | label_format g=h, i=\"{{.j}}\" | line_format \"{{.k}}\"",
        "topk(3, max_over_time({a=\"b\"} | unwrap bytes(c) | __error__=\"\" [1m]) without (d))",
        "sort_desc(stdvar_over_time({a=\"b\"} | unwrap duration(c) [1m]))",
      })
  void printsQueriesThatParseBackToTheSameTree(String query) {
    LogqlExpr first = LogqlParser.parse(query);
    String printed = LogqlPrinter.print(first);
    AstAssert.assertSameTree(LogqlParser.parse(printed), first);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '\'',
      value = {
        "count_over_time({job=\"mysql\"}[5m]) => count_over_time({job=\"mysql\"} [5m])",
        "SUM by(x)(rate({a=\"b\"}[5m])) => sum by (x) (rate({a=\"b\"} [5m]))",
        "{a=`raw \\ \"q\"`} => {a=\"raw \\\\ \\\"q\\\"\"}",
        "{a=\"b\"} | json a => {a=\"b\"} | json a=\"a\"",
        "rate({a=\"b\"}[5m] offset 90m) => rate({a=\"b\"} [5m] offset 1h30m0s)",
        "(vector(1) + vector(2)) * vector(3) => (vector(1) + vector(2)) * vector(3)",
      })
  void printsInCanonicalForm(String query, String expected) {
    assertThat(LogqlPrinter.print(LogqlParser.parse(query))).isEqualTo(expected);
  }
}
