package dev.tocsin.template;

import dev.tocsin.template.fmt.GoFmt;
/**
 * One lexical item of a template, as Go's text/template lexer emits it.
 *
 * @param type the item type
 * @param pos the character offset in the template text
 * @param val the item's text
 * @param line the 1-based line where the item starts
 */
record Token(Type type, int pos, String val, int line) {

  /** Item types, in Go's order; those after {@code KEYWORD} are keywords. */
  enum Type {
    ERROR,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    COMMENT,
    COMPLEX,
    ASSIGN,
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    KEYWORD,
    BLOCK,
    BREAK,
    CONTINUE,
    DOT,
    DEFINE,
    ELSE,
    END,
    IF,
    NIL,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
      return ordinal() > KEYWORD.ordinal();
    }
  }

  /** The item as Go's parser quotes it in "unexpected ..." messages. */
  @Override
  public String toString() {
    if (type == Type.EOF) {
      return "EOF";
    }
    if (type == Type.ERROR) {
      return val;
    }
    if (type.isKeyword()) {
      return "<" + val + ">";
    }
    if (val.codePointCount(0, val.length()) > 10) {
      return GoFmt.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
    }
    return GoFmt.quote(val);
  }
}
