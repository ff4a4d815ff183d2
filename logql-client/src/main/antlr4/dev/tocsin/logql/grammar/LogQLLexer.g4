// LogQL lexer, mirroring Loki's hand-written lexer (pkg/logql/syntax/lex.go). Words are lexed as
// IDENTIFIER and numbers as NUMBER here; the Java subclass LogqlLexer (package parser) turns them
// into keywords, function names, durations and byte sizes with the same look-ahead rules as Loki.
// The order of the tokens block follows Loki's %token declarations so that expected-token lists
// in error messages come out in Loki's order.
lexer grammar LogQLLexer;

tokens {
  BYTES, IDENTIFIER, STRING, NUMBER, PARSER_FLAG, DURATION, RANGE,
  EQ, RE, NRE, NPA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, DOT,
  PIPE_MATCH, PIPE_EXACT, PIPE_PATTERN, OPEN_PARENTHESIS, CLOSE_PARENTHESIS, BY, WITHOUT,
  COUNT_OVER_TIME, RATE, RATE_COUNTER, SUM, SORT, SORT_DESC, AVG, MAX, MIN, COUNT, STDDEV, STDVAR,
  BOTTOMK, TOPK, APPROX_TOPK, BYTES_OVER_TIME, BYTES_RATE, BOOL, JSON, REGEXP, LOGFMT, PIPE,
  LINE_FMT, LABEL_FMT, UNWRAP, AVG_OVER_TIME, SUM_OVER_TIME, MIN_OVER_TIME, MAX_OVER_TIME,
  STDVAR_OVER_TIME, STDDEV_OVER_TIME, QUANTILE_OVER_TIME, BYTES_CONV, DURATION_CONV,
  DURATION_SECONDS_CONV, FIRST_OVER_TIME, LAST_OVER_TIME, ABSENT_OVER_TIME, VECTOR, LABEL_REPLACE,
  UNPACK, OFFSET, PATTERN, IP, ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, DECOLORIZE, DROP, KEEP,
  VARIANTS, OF, OR, AND, UNLESS, CMP_EQ, NEQ, LT, LTE, GT, GTE, ADD, SUB, MUL, DIV, MOD, POW,
  UNTERMINATED_STRING, UNTERMINATED_RANGE
}

WS : [ \t\r\n]+ -> skip ;
// '#' comments are LogQL's; '//' and '/* */' are skipped by Go's text/scanner, which Loki uses.
HASH_COMMENT : '#' ~[\n]* -> skip ;
LINE_COMMENT : '//' ~[\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

QUOTED : '"' ( ~["\\\n] | '\\' ~[\n] )* '"' -> type(STRING) ;
RAW : '`' ~'`'* '`' -> type(STRING) ;
OPEN_QUOTED : '"' ( ~["\\\n] | '\\' ~[\n] )* '\\'? -> type(UNTERMINATED_STRING) ;
OPEN_RAW : '`' ~'`'* -> type(UNTERMINATED_STRING) ;

// Loki reads everything up to ']' as one token and parses it as a Prometheus duration.
CLOSED_RANGE : '[' ~']'* ']' -> type(RANGE) ;
OPEN_RANGE : '[' ~']'* -> type(UNTERMINATED_RANGE) ;

NUM : (
  DIGITS ( '.' DIGITS? )? EXPONENT?
  | '.' DIGITS EXPONENT?
  | '0' [xX] HEX_DIGITS? ( '.' HEX_DIGITS? )? BIN_EXPONENT?
  | '0' [oObB] DIGITS
  ) -> type(NUMBER) ;
fragment DIGITS : [0-9] [0-9_]* ;
fragment HEX_DIGITS : [0-9a-fA-F_]+ ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;
fragment BIN_EXPONENT : [pP] [+-]? [0-9]+ ;

WORD : [\p{L}_] [\p{L}\p{Nd}_]* -> type(IDENTIFIER) ;

PIPE_EXACT_OP : '|=' -> type(PIPE_EXACT) ;
PIPE_MATCH_OP : '|~' -> type(PIPE_MATCH) ;
PIPE_PATTERN_OP : '|>' -> type(PIPE_PATTERN) ;
PIPE_OP : '|' -> type(PIPE) ;
RE_OP : '=~' -> type(RE) ;
NRE_OP : '!~' -> type(NRE) ;
NPA_OP : '!>' -> type(NPA) ;
NEQ_OP : '!=' -> type(NEQ) ;
CMP_EQ_OP : '==' -> type(CMP_EQ) ;
EQ_OP : '=' -> type(EQ) ;
GTE_OP : '>=' -> type(GTE) ;
GT_OP : '>' -> type(GT) ;
LTE_OP : '<=' -> type(LTE) ;
LT_OP : '<' -> type(LT) ;
ADD_OP : '+' -> type(ADD) ;
SUB_OP : '-' -> type(SUB) ;
MUL_OP : '*' -> type(MUL) ;
DIV_OP : '/' -> type(DIV) ;
MOD_OP : '%' -> type(MOD) ;
POW_OP : '^' -> type(POW) ;
LBRACE : '{' -> type(OPEN_BRACE) ;
RBRACE : '}' -> type(CLOSE_BRACE) ;
LPAREN : '(' -> type(OPEN_PARENTHESIS) ;
RPAREN : ')' -> type(CLOSE_PARENTHESIS) ;
RBRACKET : ']' -> type(CLOSE_BRACKET) ;
COMMA_OP : ',' -> type(COMMA) ;
DOT_OP : '.' -> type(DOT) ;
// Loki's lexer turns any other character into an IDENTIFIER token.
OTHER : . -> type(IDENTIFIER) ;
