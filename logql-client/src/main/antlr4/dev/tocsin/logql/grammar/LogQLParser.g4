// LogQL grammar, following Loki's yacc grammar (pkg/logql/syntax/syntax.y). Loki's grammar is
// written with an `expr` that may be a log or a metric query on either side of a binary operator;
// we do the same and leave the type checks (and Loki's other checks) to the AST builder.
parser grammar LogQLParser;

options { tokenVocab = LogQLLexer; }

root : expr EOF ;

expr
  : OPEN_PARENTHESIS expr CLOSE_PARENTHESIS                                            # parenExpr
  | selector pipelineStage*                                                            # logExpr
  | rangeOp OPEN_PARENTHESIS (NUMBER COMMA)? logRange CLOSE_PARENTHESIS grouping?      # rangeAggregationExpr
  | vectorOp grouping OPEN_PARENTHESIS (NUMBER COMMA)? expr CLOSE_PARENTHESIS          # vectorAggregationGroupingFirstExpr
  | vectorOp OPEN_PARENTHESIS (NUMBER COMMA)? expr CLOSE_PARENTHESIS grouping?         # vectorAggregationExpr
  | LABEL_REPLACE OPEN_PARENTHESIS expr COMMA STRING COMMA STRING COMMA STRING COMMA STRING CLOSE_PARENTHESIS # labelReplaceExpr
  | VECTOR OPEN_PARENTHESIS NUMBER CLOSE_PARENTHESIS                                   # vectorExpr
  | literal                                                                            # literalExpr
  | <assoc=right> expr op=POW binOpModifier expr                                       # binaryExpr
  | expr op=(MUL | DIV | MOD) binOpModifier expr                                       # binaryExpr
  | expr op=(ADD | SUB) binOpModifier expr                                             # binaryExpr
  | expr op=(CMP_EQ | NEQ | GT | GTE | LT | LTE) binOpModifier expr                    # binaryExpr
  | expr op=(AND | UNLESS) binOpModifier expr                                          # binaryExpr
  | expr op=OR binOpModifier expr                                                      # binaryExpr
  ;

literal : sign=(ADD | SUB)? NUMBER ;

binOpModifier : BOOL? (matching=(ON | IGNORING) OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS groupModifier?)? ;

groupModifier : side=(GROUP_LEFT | GROUP_RIGHT) (OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS)? ;

grouping : kind=(BY | WITHOUT) OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS ;

labels : IDENTIFIER (COMMA IDENTIFIER)* ;

rangeOp
  : COUNT_OVER_TIME | RATE | RATE_COUNTER | BYTES_OVER_TIME | BYTES_RATE | AVG_OVER_TIME
  | SUM_OVER_TIME | MIN_OVER_TIME | MAX_OVER_TIME | STDVAR_OVER_TIME | STDDEV_OVER_TIME
  | QUANTILE_OVER_TIME | FIRST_OVER_TIME | LAST_OVER_TIME | ABSENT_OVER_TIME
  ;

vectorOp
  : SUM | AVG | COUNT | MAX | MIN | STDDEV | STDVAR | BOTTOMK | TOPK | SORT | SORT_DESC | APPROX_TOPK ;

// The range may follow the selector or the pipeline, with parentheses in several places.
logRange
  : OPEN_PARENTHESIS logRange CLOSE_PARENTHESIS                                         # parenLogRange
  | selector RANGE offset? pipelineStage* unwrap?                                       # rangeAfterSelector
  | OPEN_PARENTHESIS selector CLOSE_PARENTHESIS RANGE offset? unwrap?                   # parenSelectorRange
  | OPEN_PARENTHESIS selector pipelineStage* unwrap? CLOSE_PARENTHESIS RANGE offset?    # parenPipelineRange
  | selector pipelineStage* unwrap? RANGE offset?                                       # rangeAfterPipeline
  ;

offset : OFFSET DURATION ;

unwrap
  : PIPE UNWRAP (IDENTIFIER | conv=(BYTES_CONV | DURATION_CONV | DURATION_SECONDS_CONV) OPEN_PARENTHESIS IDENTIFIER CLOSE_PARENTHESIS)
    (PIPE labelFilter)*
  ;

selector : OPEN_BRACE (matcher (COMMA matcher)*)? CLOSE_BRACE ;

matcher : IDENTIFIER op=(EQ | NEQ | RE | NRE) STRING ;

pipelineStage
  : op=(PIPE_EXACT | PIPE_MATCH | PIPE_PATTERN | NEQ | NRE | NPA) lineFilterValue (OR lineFilterValue)* # lineFilterStage
  | PIPE LOGFMT PARSER_FLAG* labelExtractions?                                         # logfmtStage
  | PIPE JSON labelExtractions?                                                        # jsonStage
  | PIPE REGEXP STRING                                                                 # regexpStage
  | PIPE PATTERN STRING                                                                # patternStage
  | PIPE UNPACK                                                                        # unpackStage
  | PIPE labelFilter                                                                   # labelFilterStage
  | PIPE LINE_FMT STRING                                                               # lineFormatStage
  | PIPE DECOLORIZE                                                                    # decolorizeStage
  | PIPE LABEL_FMT labelFormat (COMMA labelFormat)*                                    # labelFormatStage
  | PIPE DROP namedMatcher (COMMA namedMatcher)*                                       # dropStage
  | PIPE KEEP namedMatcher (COMMA namedMatcher)*                                       # keepStage
  ;

lineFilterValue : STRING | IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS ;

labelExtractions : labelExtraction (COMMA labelExtraction)* ;

labelExtraction : IDENTIFIER (EQ STRING)? ;

labelFormat : IDENTIFIER EQ (IDENTIFIER | STRING) ;

namedMatcher : IDENTIFIER | matcher ;

// Loki's yacc rules for label filters are ambiguous; its conflict resolution makes `and` bind
// tighter than `or`, and makes `,` and plain juxtaposition take everything to their right.
labelFilter : labelFilterConjunction (OR labelFilterConjunction)* ;

labelFilterConjunction : labelFilterUnit (AND labelFilterUnit)* ;

labelFilterUnit : labelFilterPrimary (COMMA? labelFilter)? ;

labelFilterPrimary
  : IDENTIFIER op=(EQ | NEQ | RE | NRE) STRING                                         # stringLabelFilter
  | IDENTIFIER op=(EQ | NEQ) IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS              # ipLabelFilter
  | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) DURATION                    # durationLabelFilter
  | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) BYTES                       # bytesLabelFilter
  | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) literal                     # numberLabelFilter
  | OPEN_PARENTHESIS labelFilter CLOSE_PARENTHESIS                                     # parenLabelFilter
  ;
