// PromQL expressions with Prometheus 3.x precedence (promql/parser/generated_parser.y): postfix
// selectors and modifiers bind tightest, then '^' (right-associative), unary '+'/'-' (whose operand
// may contain '^', so -2^2 is -(2^2)), '* / % atan2', '+ -', comparisons, 'and unless', 'or'.
// Names and types are checked in Java (dev.tocsin.promql.parser.AstBuilder), not here.
parser grammar PromQLParser;

options { tokenVocab = PromQLLexer; }

@members {
    private static boolean isFillWord(Token t) {
        String w = t.getText().toLowerCase(java.util.Locale.ROOT);
        return w.equals("fill") || w.equals("fill_left") || w.equals("fill_right");
    }
}

query
    : expr EOF
    | EOF
    ;

expr
    : expr LEFT_BRACKET rangeValue (COLON rangeValue?)? RIGHT_BRACKET     # rangeOrSubquery
    | expr OFFSET offsetValue                                              # offset
    | expr AT atValue                                                      # at
    | expr (ANCHORED | SMOOTHED)                                           # rangeModifier
    | <assoc = right> expr POW binModifier expr                            # binary
    | (ADD | SUB) expr                                                     # unary
    | expr (MUL | DIV | MOD | ATAN2) binModifier expr                      # binary
    | expr (ADD | SUB) binModifier expr                                    # binary
    | expr (EQLC | NEQ | LTE | LSS | GTE | GTR) binModifier expr           # binary
    | expr (LAND | LUNLESS) binModifier expr                               # binary
    | expr LOR binModifier expr                                            # binary
    | aggregateOp aggregateModifier callBody                               # aggregate
    | aggregateOp callBody aggregateModifier?                              # aggregate
    | functionName callBody                                                # call
    | metricIdentifier labelMatchers?                                      # vectorSelector
    | labelMatchers                                                        # vectorSelector
    | LEFT_PAREN expr RIGHT_PAREN                                          # paren
    | NUMBER                                                               # number
    | DURATION                                                             # number
    | STRING                                                               # string
    ;

rangeValue
    : (ADD | SUB)? (DURATION | NUMBER)
    ;

offsetValue
    : (ADD | SUB)? (DURATION | NUMBER)
    ;

atValue
    : (ADD | SUB)? (NUMBER | DURATION)                                     # atTimestamp
    | IDENTIFIER LEFT_PAREN RIGHT_PAREN                                    # atPreprocessor
    ;

binModifier
    : BOOL? ((ON | IGNORING) groupingLabels ((GROUP_LEFT | GROUP_RIGHT) groupingLabels?)?)? fillModifier*
    ;

// Prometheus 3.x's experimental fill(), fill_left() and fill_right(); parsed only to be refused.
// As in Prometheus' lexer, the words are modifiers only when '(' follows.
fillModifier
    : {isFillWord(_input.LT(1))}? IDENTIFIER LEFT_PAREN (ADD | SUB)? NUMBER RIGHT_PAREN
    ;

aggregateModifier
    : (BY | WITHOUT) groupingLabels
    ;

groupingLabels
    : LEFT_PAREN (groupingLabel (COMMA groupingLabel)* COMMA?)? RIGHT_PAREN
    ;

groupingLabel
    : labelKeyword
    | STRING
    ;

callBody
    : LEFT_PAREN (expr (COMMA expr)* trailingComma = COMMA?)? RIGHT_PAREN
    ;

labelMatchers
    : LEFT_BRACE (labelMatcher (COMMA labelMatcher)* COMMA?)? RIGHT_BRACE
    ;

labelMatcher
    : (IDENTIFIER | STRING) matchOp STRING                                 # labelMatch
    | STRING                                                               # quotedMetricName
    ;

matchOp
    : EQL | NEQ | B_EQL_REGEX | B_NEQ_REGEX
    ;

functionName
    : IDENTIFIER
    ;

aggregateOp
    : SUM | AVG | COUNT | MIN | MAX | GROUP | STDDEV | STDVAR | TOPK | BOTTOMK | COUNT_VALUES
    | QUANTILE | LIMITK | LIMIT_RATIO
    ;

// Keywords that Prometheus also accepts as a metric name outside braces.
metricIdentifier
    : IDENTIFIER | METRIC_IDENTIFIER | aggregateOp | BY | WITHOUT | OFFSET | LAND | LOR | LUNLESS
    | ANCHORED | SMOOTHED
    ;

// Inside grouping clauses the lexer sees keywords; all of them are valid label names.
labelKeyword
    : IDENTIFIER | METRIC_IDENTIFIER | aggregateOp | BY | WITHOUT | OFFSET | LAND | LOR | LUNLESS
    | ATAN2 | ON | IGNORING | GROUP_LEFT | GROUP_RIGHT | BOOL | ANCHORED | SMOOTHED
    ;
