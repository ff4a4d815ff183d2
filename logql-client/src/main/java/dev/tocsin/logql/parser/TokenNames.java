package dev.tocsin.logql.parser;

import static dev.tocsin.logql.grammar.LogQLLexer.*;

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
      {EQ, "="}, {NEQ, "!="}, {RE, "=~"}, {NRE, "!~"}, {NPA, "!>"}, {PIPE_EXACT, "|="},
      {PIPE_MATCH, "|~"}, {PIPE_PATTERN, "|>"}, {PIPE, "|"}, {UNWRAP, "unwrap"},
      {OPEN_PARENTHESIS, "("}, {CLOSE_PARENTHESIS, ")"}, {OPEN_BRACE, "{"}, {CLOSE_BRACE, "}"},
      {OPEN_BRACKET, "["}, {CLOSE_BRACKET, "]"}, {COMMA, ","}, {DOT, "."}, {BY, "by"},
      {WITHOUT, "without"}, {BOOL, "bool"}, {LABEL_REPLACE, "label_replace"}, {OFFSET, "offset"},
      {ON, "on"}, {IGNORING, "ignoring"}, {GROUP_LEFT, "group_left"}, {GROUP_RIGHT, "group_right"},
      {OR, "or"}, {AND, "and"}, {UNLESS, "unless"}, {ADD, "+"}, {SUB, "-"}, {MUL, "*"},
      {DIV, "/"}, {MOD, "%"}, {POW, "^"}, {CMP_EQ, "=="}, {GT, ">"}, {GTE, ">="}, {LT, "<"},
      {LTE, "<="}, {JSON, "json"}, {REGEXP, "regexp"}, {LOGFMT, "logfmt"}, {UNPACK, "unpack"},
      {PATTERN, "pattern"}, {LABEL_FMT, "label_format"}, {LINE_FMT, "line_format"}, {IP, "ip"},
      {DECOLORIZE, "decolorize"}, {DROP, "drop"}, {KEEP, "keep"}, {VARIANTS, "variants"},
      {OF, "of"}, {Token.EOF, "$end"}
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
