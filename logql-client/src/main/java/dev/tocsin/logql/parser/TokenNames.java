package dev.tocsin.logql.parser;

import dev.tocsin.logql.grammar.LogQLLexer;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Token names as Loki's yacc parser prints them in syntax errors: the text for operators and
 * keywords ({@code unexpected ip}), the upper-case name for the rest ({@code unexpected
 * IDENTIFIER}, {@code unexpected COUNT_OVER_TIME}), {@code $end} at the end of the input.
 */
final class TokenNames {
  private static final Map<Integer, String> NAMES = new HashMap<>();

  static {
    Object[][] pairs = {
      {LogQLLexer.EQ, "="}, {LogQLLexer.NEQ, "!="}, {LogQLLexer.RE, "=~"}, {LogQLLexer.NRE, "!~"}, {LogQLLexer.NPA, "!>"}, {LogQLLexer.PIPE_EXACT, "|="},
      {LogQLLexer.PIPE_MATCH, "|~"}, {LogQLLexer.PIPE_PATTERN, "|>"}, {LogQLLexer.PIPE, "|"}, {LogQLLexer.UNWRAP, "unwrap"},
      {LogQLLexer.OPEN_PARENTHESIS, "("}, {LogQLLexer.CLOSE_PARENTHESIS, ")"}, {LogQLLexer.OPEN_BRACE, "{"}, {LogQLLexer.CLOSE_BRACE, "}"},
      {LogQLLexer.OPEN_BRACKET, "["}, {LogQLLexer.CLOSE_BRACKET, "]"}, {LogQLLexer.COMMA, ","}, {LogQLLexer.DOT, "."}, {LogQLLexer.BY, "by"},
      {LogQLLexer.WITHOUT, "without"}, {LogQLLexer.BOOL, "bool"}, {LogQLLexer.LABEL_REPLACE, "label_replace"}, {LogQLLexer.OFFSET, "offset"},
      {LogQLLexer.ON, "on"}, {LogQLLexer.IGNORING, "ignoring"}, {LogQLLexer.GROUP_LEFT, "group_left"}, {LogQLLexer.GROUP_RIGHT, "group_right"},
      {LogQLLexer.OR, "or"}, {LogQLLexer.AND, "and"}, {LogQLLexer.UNLESS, "unless"}, {LogQLLexer.ADD, "+"}, {LogQLLexer.SUB, "-"}, {LogQLLexer.MUL, "*"},
      {LogQLLexer.DIV, "/"}, {LogQLLexer.MOD, "%"}, {LogQLLexer.POW, "^"}, {LogQLLexer.CMP_EQ, "=="}, {LogQLLexer.GT, ">"}, {LogQLLexer.GTE, ">="}, {LogQLLexer.LT, "<"},
      {LogQLLexer.LTE, "<="}, {LogQLLexer.JSON, "json"}, {LogQLLexer.REGEXP, "regexp"}, {LogQLLexer.LOGFMT, "logfmt"}, {LogQLLexer.UNPACK, "unpack"},
      {LogQLLexer.PATTERN, "pattern"}, {LogQLLexer.LABEL_FMT, "label_format"}, {LogQLLexer.LINE_FMT, "line_format"}, {LogQLLexer.IP, "ip"},
      {LogQLLexer.DECOLORIZE, "decolorize"}, {LogQLLexer.DROP, "drop"}, {LogQLLexer.KEEP, "keep"}, {LogQLLexer.VARIANTS, "variants"},
      {LogQLLexer.OF, "of"}, {Token.EOF, "$end"}
    };
    for (Object[] p : pairs) {
      NAMES.put((Integer) p[0], (String) p[1]);
    }
  }

  private TokenNames() {}

  /** Loki's name for a token type. */
  static String of(int type) {
    String n = NAMES.get(type);
    if (n != null) {
      return n;
    }
    String symbolic = LogQLLexer.VOCABULARY.getSymbolicName(type);
    return symbolic == null ? "$unk" : symbolic;
  }
}
