// PromQL tokens, modelled on the states of Prometheus' hand-written lexer (promql/parser/lex.go):
// the default mode for expressions, BRACES inside a label-matcher list (where keywords are plain
// identifiers) and BRACKETS inside a range or subquery selector (durations only). Characters that
// Prometheus rejects become ERR_* tokens so that PromqlParser can word the error as Prometheus does.
lexer grammar PromQLLexer;

options { caseInsensitive = true; }

channels { COMMENTS }

WS      : [ \t\r\n]+ -> skip;
COMMENT : '#' ~[\r\n]* -> channel(COMMENTS);

LEFT_PAREN    : '(';
RIGHT_PAREN   : ')';
LEFT_BRACE    : '{' -> pushMode(BRACES);
LEFT_BRACKET  : '[' -> pushMode(BRACKETS);
COMMA         : ',';
AT            : '@';

ADD  : '+';
SUB  : '-';
MUL  : '*';
DIV  : '/';
MOD  : '%';
POW  : '^';
EQLC : '==';
NEQ  : '!=';
LTE  : '<=';
LSS  : '<';
GTE  : '>=';
GTR  : '>';
EQL  : '=';

// Operators spelled as words.
LAND   : 'and';
LOR    : 'or';
LUNLESS: 'unless';
ATAN2  : 'atan2';

// Aggregation operators.
SUM          : 'sum';
AVG          : 'avg';
COUNT        : 'count';
MIN          : 'min';
MAX          : 'max';
GROUP        : 'group';
STDDEV       : 'stddev';
STDVAR       : 'stdvar';
TOPK         : 'topk';
BOTTOMK      : 'bottomk';
COUNT_VALUES : 'count_values';
QUANTILE     : 'quantile';
LIMITK       : 'limitk';
LIMIT_RATIO  : 'limit_ratio';

// Keywords.
OFFSET      : 'offset';
BY          : 'by';
WITHOUT     : 'without';
ON          : 'on';
IGNORING    : 'ignoring';
GROUP_LEFT  : 'group_left';
GROUP_RIGHT : 'group_right';
BOOL        : 'bool';
ANCHORED    : 'anchored';
SMOOTHED    : 'smoothed';

// Durations are case-sensitive in Prometheus ("5M" is not a duration).
// As Prometheus' lexer: a unit letter may be followed by 's' ("ms", but also "hs", which the
// duration parser then rejects with "unknown unit").
DURATION
    options { caseInsensitive = false; }
    : DIGITS [smhdwy] 's'? (DIGITS [smhdw] 's'?)*
    ;

NUMBER
    : DEC_DIGITS ('.' DEC_DIGITS?)? EXPONENT?
    | '.' DEC_DIGITS EXPONENT?
    | '0x' '_'? HEX_DIGIT ('_'? HEX_DIGIT)*
    | 'inf'
    | 'nan'
    ;

IDENTIFIER        : [a-z_] [a-z0-9_]*;
METRIC_IDENTIFIER : [a-z_:] [a-z0-9_:]*;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    | '\'' (ESCAPE | ~['\\\r\n])* '\''
    | '`' ~[`]* '`'
    ;

// Longer than any valid number or duration it starts like, so these win by maximal munch.
ERR_NUMBER         : [0-9.] [0-9a-z_.]*;
ERR_UNTERMINATED   : '"' (ESCAPE | ~["\\\r\n])* '\\'? | '\'' (ESCAPE | ~['\\\r\n])* '\\'?;
ERR_UNTERMINATED_RAW : '`' ~[`]*;
ERR_EQL_TILDE      : '=~';
ERR_BANG           : '!';
ERR_RIGHT_BRACKET  : ']';
ERR_CHAR           : .;

fragment DIGITS     : [0-9]+;
fragment DEC_DIGITS : [0-9] ('_'? [0-9])*;
fragment EXPONENT   : 'e' [+-]? DEC_DIGITS;
fragment HEX_DIGIT  : [0-9a-f];
fragment ESCAPE     : '\\' .;

mode BRACES;

B_WS         : [ \t\r\n]+ -> skip;
B_COMMENT    : '#' ~[\r\n]* -> channel(COMMENTS);
B_IDENTIFIER : [a-z_] [a-z0-9_]* -> type(IDENTIFIER);
B_STRING
    : ( '"' (ESCAPE | ~["\\\r\n])* '"'
      | '\'' (ESCAPE | ~['\\\r\n])* '\''
      | '`' ~[`]* '`'
      ) -> type(STRING)
    ;
B_COMMA      : ',' -> type(COMMA);
B_EQL_REGEX  : '=~';
B_NEQ_REGEX  : '!~';
B_EQL        : '=' -> type(EQL);
B_NEQ        : '!=' -> type(NEQ);
RIGHT_BRACE  : '}' -> popMode;
B_ERR_UNTERMINATED     : ('"' (ESCAPE | ~["\\\r\n])* '\\'? | '\'' (ESCAPE | ~['\\\r\n])* '\\'?) -> type(ERR_UNTERMINATED);
B_ERR_UNTERMINATED_RAW : '`' ~[`]* -> type(ERR_UNTERMINATED_RAW);
ERR_BRACE_BANG : '!';
ERR_BRACE_CHAR : .;

mode BRACKETS;

K_WS       : [ \t\r\n]+ -> skip;
K_DURATION
    options { caseInsensitive = false; }
    : DIGITS [smhdwy] 's'? (DIGITS [smhdw] 's'?)* -> type(DURATION)
    ;
K_NUMBER
    : ( DEC_DIGITS ('.' DEC_DIGITS?)? EXPONENT?
      | '.' DEC_DIGITS EXPONENT?
      | '0x' '_'? HEX_DIGIT ('_'? HEX_DIGIT)*
      ) -> type(NUMBER)
    ;
COLON          : ':';
K_ADD          : '+' -> type(ADD);
K_SUB          : '-' -> type(SUB);
K_MUL          : '*' -> type(MUL);
K_DIV          : '/' -> type(DIV);
K_MOD          : '%' -> type(MOD);
K_POW          : '^' -> type(POW);
K_COMMA        : ',' -> type(COMMA);
K_LEFT_PAREN   : '(' -> type(LEFT_PAREN);
K_RIGHT_PAREN  : ')' -> type(RIGHT_PAREN);
RIGHT_BRACKET  : ']' -> popMode;
K_ERR_NUMBER   : [0-9.] [0-9a-z_.]* -> type(ERR_NUMBER);
ERR_BRACKET_CHAR : .;
