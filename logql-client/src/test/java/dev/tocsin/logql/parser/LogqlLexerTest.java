package dev.tocsin.logql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.logql.grammar.LogQLLexer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token decisions Loki's lexer makes from context: keywords, functions, durations, sizes, flags. */
class LogqlLexerTest {
  private static String tokens(String text) {
    LogqlLexer lexer =
        new LogqlLexer(CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray()))), text);
    List<String> names = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      names.add(LogQLLexer.VOCABULARY.getSymbolicName(t.getType()));
    }
    return String.join(" ", names);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "rate({foo=\"bar\"}[10s]) => RATE OPEN_PARENTHESIS OPEN_BRACE IDENTIFIER EQ STRING CLOSE_BRACE RANGE CLOSE_PARENTHESIS",
        "SUM BY (foo) (Count_Over_Time({a=\"b\"}[5m])) => SUM BY OPEN_PARENTHESIS IDENTIFIER CLOSE_PARENTHESIS OPEN_PARENTHESIS COUNT_OVER_TIME OPEN_PARENTHESIS OPEN_BRACE IDENTIFIER EQ STRING CLOSE_BRACE RANGE CLOSE_PARENTHESIS CLOSE_PARENTHESIS",
        "sum byfoo => IDENTIFIER IDENTIFIER",
        "rate => IDENTIFIER",
        "ip => IDENTIFIER",
        "decolorize => DECOLORIZE",
        "| logfmt|ip=\"b\" => PIPE LOGFMT PIPE IDENTIFIER EQ STRING",
        "|logfmt|b=ip(\"b\") => PIPE LOGFMT PIPE IDENTIFIER EQ IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS",
        "|LOGFMT --strict --keep-empty|=ip(\"b\") => PIPE LOGFMT PARSER_FLAG PARSER_FLAG PIPE_EXACT IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS",
        "| unwrap bytes(x) => PIPE UNWRAP BYTES_CONV OPEN_PARENTHESIS IDENTIFIER CLOSE_PARENTHESIS",
        "| unwrap bytes => PIPE UNWRAP IDENTIFIER",
        "latency > 250ms => IDENTIFIER GT DURATION",
        "latency > 1h15m30.918273645s => IDENTIFIER GT DURATION",
        "latency > 1h0.0m0s or foo == 4.00 => IDENTIFIER GT DURATION OR IDENTIFIER CMP_EQ NUMBER",
        "size > 250kB and x <= 200MiB => IDENTIFIER GT BYTES AND IDENTIFIER LTE BYTES",
        "size > 1mb => IDENTIFIER GT DURATION IDENTIFIER",
        "123 => NUMBER",
        "-123 => SUB NUMBER",
        "-123.45 => SUB NUMBER",
        "123KB => BYTES",
        "123ms => DURATION",
        "-123ms => DURATION",
        "34+-123 => NUMBER ADD SUB NUMBER",
        "34-123 => NUMBER SUB NUMBER",
        "0x1p3 => NUMBER",
        "{foo=\"bar\"} #|~ \"x\" => OPEN_BRACE IDENTIFIER EQ STRING CLOSE_BRACE",
        "{foo=\"#\"} => OPEN_BRACE IDENTIFIER EQ STRING CLOSE_BRACE",
        "|= !~ |~ !> |> != => PIPE_EXACT NRE PIPE_MATCH NPA PIPE_PATTERN NEQ",
        "@ => IDENTIFIER",
      })
  void lexesAsLokiDoes(String text, String expected) {
    assertThat(tokens(text)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void looksPastAnyWhitespaceForTheParenthesisOfAFunction() {
    assertThat(tokens("sum\r\n \t by\n (a)")).isEqualTo("SUM BY OPEN_PARENTHESIS IDENTIFIER CLOSE_PARENTHESIS");
    assertThat(tokens("count_over_time \n\t(")).isEqualTo("COUNT_OVER_TIME OPEN_PARENTHESIS");
  }
}
