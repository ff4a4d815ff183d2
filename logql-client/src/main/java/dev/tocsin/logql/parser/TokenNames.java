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
    NAMES.put(LogQLLexer.EQ, "=");
    NAMES.put(LogQLLexer.NEQ, "!=");
    NAMES.put(LogQLLexer.RE, "=~");
    NAMES.put(LogQLLexer.NRE, "!~");
    NAMES.put(LogQLLexer.NPA, "!>");
    NAMES.put(LogQLLexer.PIPE_EXACT, "|=");
    NAMES.put(LogQLLexer.PIPE_MATCH, "|~");
    NAMES.put(LogQLLexer.PIPE_PATTERN, "|>");
    NAMES.put(LogQLLexer.PIPE, "|");
    NAMES.put(LogQLLexer.UNWRAP, "unwrap");
    NAMES.put(LogQLLexer.OPEN_PARENTHESIS, "(");
    NAMES.put(LogQLLexer.CLOSE_PARENTHESIS, ")");
    NAMES.put(LogQLLexer.OPEN_BRACE, "{");
    NAMES.put(LogQLLexer.CLOSE_BRACE, "}");
    NAMES.put(LogQLLexer.OPEN_BRACKET, "[");
    NAMES.put(LogQLLexer.CLOSE_BRACKET, "]");
    NAMES.put(LogQLLexer.COMMA, ",");
    NAMES.put(LogQLLexer.DOT, ".");
    NAMES.put(LogQLLexer.BY, "by");
    NAMES.put(LogQLLexer.WITHOUT, "without");
    NAMES.put(LogQLLexer.BOOL, "bool");
    NAMES.put(LogQLLexer.LABEL_REPLACE, "label_replace");
    NAMES.put(LogQLLexer.OFFSET, "offset");
    NAMES.put(LogQLLexer.ON, "on");
    NAMES.put(LogQLLexer.IGNORING, "ignoring");
    NAMES.put(LogQLLexer.GROUP_LEFT, "group_left");
    NAMES.put(LogQLLexer.GROUP_RIGHT, "group_right");
    NAMES.put(LogQLLexer.OR, "or");
    NAMES.put(LogQLLexer.AND, "and");
    NAMES.put(LogQLLexer.UNLESS, "unless");
    NAMES.put(LogQLLexer.ADD, "+");
    NAMES.put(LogQLLexer.SUB, "-");
    NAMES.put(LogQLLexer.MUL, "*");
    NAMES.put(LogQLLexer.DIV, "/");
    NAMES.put(LogQLLexer.MOD, "%");
    NAMES.put(LogQLLexer.POW, "^");
    NAMES.put(LogQLLexer.CMP_EQ, "==");
    NAMES.put(LogQLLexer.GT, ">");
    NAMES.put(LogQLLexer.GTE, ">=");
    NAMES.put(LogQLLexer.LT, "<");
    NAMES.put(LogQLLexer.LTE, "<=");
    NAMES.put(LogQLLexer.JSON, "json");
    NAMES.put(LogQLLexer.REGEXP, "regexp");
    NAMES.put(LogQLLexer.LOGFMT, "logfmt");
    NAMES.put(LogQLLexer.UNPACK, "unpack");
    NAMES.put(LogQLLexer.PATTERN, "pattern");
    NAMES.put(LogQLLexer.LABEL_FMT, "label_format");
    NAMES.put(LogQLLexer.LINE_FMT, "line_format");
    NAMES.put(LogQLLexer.IP, "ip");
    NAMES.put(LogQLLexer.DECOLORIZE, "decolorize");
    NAMES.put(LogQLLexer.DROP, "drop");
    NAMES.put(LogQLLexer.KEEP, "keep");
    NAMES.put(LogQLLexer.VARIANTS, "variants");
    NAMES.put(LogQLLexer.OF, "of");
    NAMES.put(Token.EOF, "$end");
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
