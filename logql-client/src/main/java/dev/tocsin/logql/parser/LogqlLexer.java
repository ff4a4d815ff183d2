package dev.tocsin.logql.parser;

import dev.tocsin.logql.grammar.LogQLLexer;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer plus the context-dependent decisions of Loki's lexer: function names are
 * tokens only when an opening parenthesis (or {@code by}/{@code without} and one) follows, other
 * keywords are matched case-insensitively, a number directly followed by unit letters is a duration
 * or a byte size, and {@code --strict}/{@code --keep-empty} are parser flags.
 */
final class LogqlLexer extends LogQLLexer {
  private static final Map<String, Integer> KEYWORDS =
      Map.ofEntries(
          Map.entry("by", BY),
          Map.entry("without", WITHOUT),
          Map.entry("bool", BOOL),
          Map.entry("unwrap", UNWRAP),
          Map.entry("offset", OFFSET),
          Map.entry("on", ON),
          Map.entry("ignoring", IGNORING),
          Map.entry("group_left", GROUP_LEFT),
          Map.entry("group_right", GROUP_RIGHT),
          Map.entry("or", OR),
          Map.entry("and", AND),
          Map.entry("unless", UNLESS),
          Map.entry("json", JSON),
          Map.entry("regexp", REGEXP),
          Map.entry("logfmt", LOGFMT),
          Map.entry("unpack", UNPACK),
          Map.entry("pattern", PATTERN),
          Map.entry("label_format", LABEL_FMT),
          Map.entry("line_format", LINE_FMT),
          Map.entry("decolorize", DECOLORIZE),
          Map.entry("drop", DROP),
          Map.entry("keep", KEEP),
          Map.entry("variants", VARIANTS),
          Map.entry("of", OF));

  private static final Map<String, Integer> FUNCTIONS =
      Map.ofEntries(
          Map.entry("rate", RATE),
          Map.entry("rate_counter", RATE_COUNTER),
          Map.entry("count_over_time", COUNT_OVER_TIME),
          Map.entry("bytes_rate", BYTES_RATE),
          Map.entry("bytes_over_time", BYTES_OVER_TIME),
          Map.entry("avg_over_time", AVG_OVER_TIME),
          Map.entry("sum_over_time", SUM_OVER_TIME),
          Map.entry("min_over_time", MIN_OVER_TIME),
          Map.entry("max_over_time", MAX_OVER_TIME),
          Map.entry("stdvar_over_time", STDVAR_OVER_TIME),
          Map.entry("stddev_over_time", STDDEV_OVER_TIME),
          Map.entry("quantile_over_time", QUANTILE_OVER_TIME),
          Map.entry("first_over_time", FIRST_OVER_TIME),
          Map.entry("last_over_time", LAST_OVER_TIME),
          Map.entry("absent_over_time", ABSENT_OVER_TIME),
          Map.entry("vector", VECTOR),
          Map.entry("sum", SUM),
          Map.entry("avg", AVG),
          Map.entry("max", MAX),
          Map.entry("min", MIN),
          Map.entry("count", COUNT),
          Map.entry("stddev", STDDEV),
          Map.entry("stdvar", STDVAR),
          Map.entry("bottomk", BOTTOMK),
          Map.entry("topk", TOPK),
          Map.entry("sort", SORT),
          Map.entry("sort_desc", SORT_DESC),
          Map.entry("approx_topk", APPROX_TOPK),
          Map.entry("label_replace", LABEL_REPLACE),
          Map.entry("bytes", BYTES_CONV),
          Map.entry("duration", DURATION_CONV),
          Map.entry("duration_seconds", DURATION_SECONDS_CONV),
          Map.entry("ip", IP));

  private final String text;
  private final List<ParseError> errors = new ArrayList<>();

  LogqlLexer(CharStream input, String text) {
    super(input);
    this.text = text;
    removeErrorListeners();
  }

  /** Errors found while lexing, in order. */
  List<ParseError> errors() {
    return errors;
  }

  @Override
  public Token nextToken() {
    Token t = super.nextToken();
    return switch (t.getType()) {
      case IDENTIFIER -> word(t);
      case NUMBER -> number(checkDigits(t), t.getText());
      case SUB -> minus(t);
      case UNTERMINATED_STRING -> fail(t, "literal not terminated");
      case UNTERMINATED_RANGE -> fail(t, "missing closing ']' in duration");
      default -> t;
    };
  }

  private Token word(Token t) {
    String lower = t.getText().toLowerCase(Locale.ROOT);
    Integer fn = FUNCTIONS.get(lower);
    if (fn != null) {
      if (functionFollows(t.getStopIndex() + 1)) {
        ((CommonToken) t).setType(fn);
      }
      return t;
    }
    Integer kw = KEYWORDS.get(lower);
    if (kw != null) {
      ((CommonToken) t).setType(kw);
    }
    return t;
  }

  /** Loki's isFunction: after spaces, a '(' or 'by'/'without' then spaces and a '('. */
  private boolean functionFollows(int from) {
    int i = skipSpaces(from);
    if (i < text.length() && text.charAt(i) == '(') {
      return true;
    }
    for (String kw : new String[] {"by", "without"}) {
      if (text.regionMatches(true, i, kw, 0, kw.length())) {
        int j = skipSpaces(i + kw.length());
        return j < text.length() && text.charAt(j) == '(';
      }
    }
    return false;
  }

  private int skipSpaces(int i) {
    while (i < text.length() && GoText.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A number directly followed by unit letters is a duration or, failing that, a byte size. */
  private Token number(Token t, String prefix) {
    int end = t.getStopIndex() + 1;
    int durEnd = scan(end, true);
    if (durEnd > end) {
      String candidate = prefix + text.substring(end, durEnd);
      if (GoDurations.parseLexerDuration(candidate) != null) {
        return extend(t, DURATION, durEnd);
      }
    }
    int bytesEnd = scan(end, false);
    if (bytesEnd > end) {
      String candidate = prefix + text.substring(end, bytesEnd);
      if (ByteSizes.parse(candidate) != null) {
        return extend(t, BYTES, bytesEnd);
      }
    }
    return t;
  }

  /** Go's scanner rejects digits beyond the base of an octal or binary literal ({@code 08}, {@code 0b2}). */
  private Token checkDigits(Token t) {
    String s = t.getText();
    String name = null;
    String digits = null;
    if (s.matches("0[0-9_]+")) {
      name = "octal literal";
      digits = s.substring(1);
    } else if (s.length() > 1 && (s.charAt(1) == 'o' || s.charAt(1) == 'O')) {
      name = "octal literal";
      digits = s.substring(2);
    } else if (s.length() > 1 && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
      name = "binary literal";
      digits = s.substring(2);
    }
    if (name != null) {
      char max = name.startsWith("octal") ? '7' : '1';
      for (char c : digits.toCharArray()) {
        if (c != '_' && c > max) {
          errors.add(new ParseError(new Span(t.getStartIndex(), t.getStopIndex() + 1), "invalid digit '" + c + "' in " + name));
          break;
        }
      }
    }
    return t;
  }

  private int scan(int from, boolean duration) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (GoText.isSpace(c)) {
        break;
      }
      boolean unit = duration ? "nuµmshdwy".indexOf(c) >= 0 : "BikKMGTP".indexOf(c) >= 0;
      if (!Character.isDigit(c) && !unit && c != '.') {
        break;
      }
      i++;
    }
    return i;
  }

  private Token minus(Token t) {
    int next = t.getStopIndex() + 1;
    if (next < text.length() && text.charAt(next) == '-') {
      int i = next;
      while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-')) {
        i++;
      }
      String flag = text.substring(t.getStartIndex(), i);
      if (flag.equals("--strict") || flag.equals("--keep-empty")) {
        return extend(t, PARSER_FLAG, i);
      }
    }
    return number(t, "-");
  }

  private Token extend(Token t, int type, int end) {
    CommonToken ct = (CommonToken) t;
    ct.setType(type);
    ct.setStopIndex(end - 1);
    ct.setText(text.substring(ct.getStartIndex(), end));
    _input.seek(end);
    return ct;
  }

  private Token fail(Token t, String message) {
    errors.add(new ParseError(new Span(t.getStartIndex(), t.getStopIndex() + 1), message));
    CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
    eof.setStartIndex(t.getStartIndex());
    eof.setStopIndex(t.getStartIndex() - 1);
    eof.setTokenIndex(t.getTokenIndex());
    _input.seek(text.length());
    return eof;
  }
}
