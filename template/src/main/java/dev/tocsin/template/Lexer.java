package dev.tocsin.template;

import dev.tocsin.template.Token.Type;
import dev.tocsin.template.fmt.GoFmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits template text into tokens following Go's text/template lexer: text, {@code {{ }}} actions
 * with {@code {{-}} and {@code -}}} trim markers, comments, and the items inside actions. Lexing
 * stops at the first error, which becomes an {@code ERROR} token.
 */
final class Lexer {
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
  private static final Map<String, Type> KEYWORDS =
      Map.ofEntries(
          Map.entry(".", Type.DOT),
          Map.entry("block", Type.BLOCK),
          Map.entry("break", Type.BREAK),
          Map.entry("continue", Type.CONTINUE),
          Map.entry("define", Type.DEFINE),
          Map.entry("else", Type.ELSE),
          Map.entry("end", Type.END),
          Map.entry("if", Type.IF),
          Map.entry("range", Type.RANGE),
          Map.entry("nil", Type.NIL),
          Map.entry("template", Type.TEMPLATE),
          Map.entry("with", Type.WITH));

  private final String input;
  private final List<Token> items = new ArrayList<>();
  private int pos;
  private int start;
  private int line = 1;
  private int startLine = 1;
  private int parenDepth;

  private Lexer(String input) {
    this.input = input;
  }

  /** All tokens of the text, ending with EOF or ERROR. */
  static List<Token> lex(String input) {
    Lexer l = new Lexer(input);
    l.run();
    return l.items;
  }

  private boolean inComment;

  private void run() {
    while (true) {
      if (!lexText()) {
        return;
      }
      if (inComment) {
        // A comment is a whole action; text follows it.
        inComment = false;
        continue;
      }
      if (!lexInsideAction()) {
        return;
      }
    }
  }

  private void emit(Type t) {
    items.add(new Token(t, start, input.substring(start, pos), startLine));
    start = pos;
    startLine = line;
  }

  private void ignore() {
    line += count(input, start, pos);
    start = pos;
    startLine = line;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private boolean error(String msg) {
    items.add(new Token(Type.ERROR, start, msg, startLine));
    return false;
  }

  private int next() {
    if (pos >= input.length()) {
      pos = input.length() + 1;
      return -1;
    }
    int c = input.codePointAt(pos);
    pos += Character.charCount(c);
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private void backup(int c) {
    if (c < 0) {
      pos = input.length();
      return;
    }
    pos -= Character.charCount(c);
    if (c == '\n') {
      line--;
    }
  }

  private int peek() {
    int c = next();
    backup(c);
    return c;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isAlphaNumeric(int c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** Scans text up to the next left delimiter; returns false at EOF. */
  private boolean lexText() {
    int x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length();
      line += count(input, start, pos);
      if (pos > start) {
        emit(Type.TEXT);
      }
      items.add(new Token(Type.EOF, pos, "", line));
      return false;
    }
    int delimPos = x;
    int textEnd = x;
    boolean trim = hasLeftTrimMarker(x + LEFT.length());
    if (trim) {
      while (textEnd > start && isSpace(input.charAt(textEnd - 1))) {
        textEnd--;
      }
    }
    pos = textEnd;
    line += count(input, start, pos);
    if (pos > start) {
      emit(Type.TEXT);
    }
    pos = delimPos;
    ignore();
    return lexLeftDelim();
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean lexLeftDelim() {
    pos += LEFT.length();
    boolean trim = hasLeftTrimMarker(pos);
    int afterMarker = trim ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment();
    }
    emit(Type.LEFT_DELIM);
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return true;
  }

  private boolean lexComment() {
    pos += 2;
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return error("unclosed comment");
    }
    pos = x + 2;
    int[] delim = atRightDelim();
    if (delim[0] == 0) {
      return error("comment ends before closing delimiter");
    }
    // Comments are dropped, as Go does without the ParseComments mode.
    pos += (delim[1] == 1 ? 2 : 0) + RIGHT.length();
    ignore();
    if (delim[1] == 1) {
      skipLeadingSpace();
    }
    inComment = true;
    return true;
  }

  // {found, trim}
  private int[] atRightDelim() {
    if (input.startsWith(" -" + RIGHT, pos)
        || input.startsWith("\t-" + RIGHT, pos)
        || input.startsWith("\r-" + RIGHT, pos)
        || input.startsWith("\n-" + RIGHT, pos)) {
      return new int[] {1, 1};
    }
    if (input.startsWith(RIGHT, pos)) {
      return new int[] {1, 0};
    }
    return new int[] {0, 0};
  }

  private void skipLeadingSpace() {
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
    }
    ignore();
  }

  private boolean lexRightDelim(boolean trim) {
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length();
    emit(Type.RIGHT_DELIM);
    if (trim) {
      skipLeadingSpace();
    }
    return true;
  }

  /** Scans the elements inside an action; returns true after the right delimiter. */
  private boolean lexInsideAction() {
    while (true) {
      int[] delim = atRightDelim();
      if (delim[0] == 1) {
        if (parenDepth == 0) {
          return lexRightDelim(delim[1] == 1);
        }
        return error("unclosed left paren");
      }
      int c = next();
      if (c < 0) {
        return error("unclosed action");
      } else if (isSpace(c)) {
        backup(c);
        lexSpace();
      } else if (c == '=') {
        emit(Type.ASSIGN);
      } else if (c == ':') {
        if (next() != '=') {
          return error("expected :=");
        }
        emit(Type.DECLARE);
      } else if (c == '|') {
        emit(Type.PIPE);
      } else if (c == '"') {
        if (!lexQuote()) {
          return false;
        }
      } else if (c == '`') {
        if (!lexRawQuote()) {
          return false;
        }
      } else if (c == '$') {
        if (!lexFieldOrVariable(Type.VARIABLE)) {
          return false;
        }
      } else if (c == '\'') {
        if (!lexChar()) {
          return false;
        }
      } else if (c == '.') {
        if (pos < input.length()) {
          int r = input.charAt(pos);
          if (r >= '0' && r <= '9') {
            backup(c);
            if (!lexNumber()) {
              return false;
            }
            continue;
          }
        }
        if (!lexFieldOrVariable(Type.FIELD)) {
          return false;
        }
      } else if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
        backup(c);
        if (!lexNumber()) {
          return false;
        }
      } else if (isAlphaNumeric(c)) {
        backup(c);
        if (!lexIdentifier()) {
          return false;
        }
      } else if (c == '(') {
        emit(Type.LEFT_PAREN);
        parenDepth++;
      } else if (c == ')') {
        emit(Type.RIGHT_PAREN);
        parenDepth--;
        if (parenDepth < 0) {
          return error("unexpected right paren");
        }
      } else if (c <= 0x7f && c >= 0x20 && c != 0x7f) {
        emit(Type.CHAR);
      } else {
        return error("unrecognized character in action: " + goRune(c));
      }
    }
  }

  private static String goRune(int c) {
    String hex = Integer.toHexString(c).toUpperCase();
    StringBuilder sb = new StringBuilder("U+");
    for (int i = hex.length(); i < 4; i++) {
      sb.append('0');
    }
    sb.append(hex);
    if (GoFmt.quote(new String(Character.toChars(c))).length() == Character.charCount(c) + 2) {
      sb.append(" '").appendCodePoint(c).append('\'');
    }
    return sb.toString();
  }

  private void lexSpace() {
    int numSpaces = 0;
    while (true) {
      int c = peek();
      if (!isSpace(c)) {
        break;
      }
      next();
      numSpaces++;
      // Stop before " -}}" so the trim marker is seen.
      if (input.startsWith("-" + RIGHT, pos)) {
        backup(c);
        if (numSpaces == 1) {
          return;
        }
        break;
      }
    }
    emit(Type.SPACE);
  }

  private boolean lexIdentifier() {
    while (true) {
      int c = next();
      if (isAlphaNumeric(c)) {
        continue;
      }
      backup(c);
      String word = input.substring(start, pos);
      if (!atTerminator()) {
        return error("bad character " + goRune(c));
      }
      Type kw = KEYWORDS.get(word);
      if (kw != null && kw.ordinal() > Type.KEYWORD.ordinal()) {
        emit(kw);
      } else if (word.charAt(0) == '.') {
        emit(Type.FIELD);
      } else if (word.equals("true") || word.equals("false")) {
        emit(Type.BOOL);
      } else {
        emit(Type.IDENTIFIER);
      }
      return true;
    }
  }

  private boolean lexFieldOrVariable(Type type) {
    if (atTerminator()) {
      if (type == Type.VARIABLE) {
        emit(Type.VARIABLE);
      } else {
        emit(Type.DOT);
      }
      return true;
    }
    int c;
    while (true) {
      c = next();
      if (!isAlphaNumeric(c)) {
        backup(c);
        break;
      }
    }
    if (!atTerminator()) {
      return error("bad character " + goRune(c));
    }
    emit(type);
    return true;
  }

  private boolean atTerminator() {
    int c = peek();
    if (isSpace(c)) {
      return true;
    }
    switch (c) {
      case -1, '.', ',', '|', ':', ')', '(' -> {
        return true;
      }
      default -> {
        return input.startsWith(RIGHT, pos);
      }
    }
  }

  private boolean lexChar() {
    while (true) {
      int c = next();
      if (c == '\\') {
        c = next();
        if (c != -1 && c != '\n') {
          continue;
        }
      }
      if (c == -1 || c == '\n') {
        return error("unterminated character constant");
      }
      if (c == '\'') {
        break;
      }
    }
    emit(Type.CHAR_CONSTANT);
    return true;
  }

  private boolean lexNumber() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoFmt.quote(input.substring(start, Math.min(pos, input.length()))));
    }
    int c = peek();
    if (c == '+' || c == '-') {
      // Complex: 1+2i.
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return error("bad number syntax: " + GoFmt.quote(input.substring(start, Math.min(pos, input.length()))));
      }
      emit(Type.COMPLEX);
    } else {
      emit(Type.NUMBER);
    }
    return true;
  }

  private boolean accept(String valid) {
    int c = next();
    if (c >= 0 && valid.indexOf(c) >= 0) {
      return true;
    }
    backup(c);
    return false;
  }

  private void acceptRun(String valid) {
    while (true) {
      int c = next();
      if (c < 0 || valid.indexOf(c) < 0) {
        backup(c);
        return;
      }
    }
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    int c = peek();
    if (c >= 0 && isAlphaNumeric(c)) {
      next();
      return false;
    }
    return true;
  }

  private boolean lexQuote() {
    while (true) {
      int c = next();
      if (c == '\\') {
        c = next();
        if (c != -1 && c != '\n') {
          continue;
        }
      }
      if (c == -1 || c == '\n') {
        return error("unterminated quoted string");
      }
      if (c == '"') {
        break;
      }
    }
    emit(Type.STRING);
    return true;
  }

  private boolean lexRawQuote() {
    int x = input.indexOf('`', pos);
    if (x < 0) {
      return error("unterminated raw quoted string");
    }
    line += count(input, pos, x + 1);
    pos = x + 1;
    emit(Type.RAW_STRING);
    return true;
  }
}
