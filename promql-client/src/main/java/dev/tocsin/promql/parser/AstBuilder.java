package dev.tocsin.promql.parser;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.LabelNames;
import dev.tocsin.model.MatchType;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.PromDuration;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.AggregateOp;
import dev.tocsin.promql.ast.AtModifier;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.BinaryOp;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.Function;
import dev.tocsin.promql.ast.GoQuote;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.NumberLiteral;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.UnaryOp;
import dev.tocsin.promql.ast.ValueType;
import dev.tocsin.promql.ast.VectorMatching;
import dev.tocsin.promql.ast.VectorSelector;
import dev.tocsin.promql.grammar.PromQLLexer;
import dev.tocsin.promql.grammar.PromQLParser;
import dev.tocsin.promql.grammar.PromQLParserBaseVisitor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into {@link Expr} records and reports what Prometheus reports while
 * building its tree (unknown functions, bad regexes, misplaced modifiers, …), in build order.
 */
final class AstBuilder extends PromQLParserBaseVisitor<Expr> {
  /** Durations in seconds beyond this overflow Go's int64 nanoseconds. */
  private static final double MAX_DURATION_SECONDS = 9.223372036854775807e9;

  private final ParserOptions options;
  private final List<ParseError> errors;

  AstBuilder(ParserOptions options, List<ParseError> errors) {
    this.options = options;
    this.errors = errors;
  }

  private void error(Span span, String message) {
    errors.add(new ParseError(span, message));
  }

  private static Span span(ParserRuleContext ctx) {
    return new Span(ctx.getStart().getStartIndex(), Math.max(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex() + 1));
  }

  private static Span span(Token t) {
    return new Span(t.getStartIndex(), t.getStopIndex() + 1);
  }

  private static Span span(Token from, Token to) {
    return new Span(from.getStartIndex(), to.getStopIndex() + 1);
  }

  /** The query's expression, or {@code null} for an empty query (then an error is recorded). */
  Expr build(PromQLParser.QueryContext ctx) {
    if (ctx.expr() == null) {
      error(new Span(0, 0), "no expression found in input");
      return null;
    }
    return visit(ctx.expr());
  }

  // ---- literals

  @Override
  public Expr visitNumber(PromQLParser.NumberContext ctx) {
    Token t = ctx.getStart();
    if (t.getType() == PromQLLexer.DURATION) {
      return new NumberLiteral(span(t), durationSeconds(t), true);
    }
    return new NumberLiteral(span(t), number(t), false);
  }

  private double number(Token t) {
    try {
      return Numbers.parse(t.getText());
    } catch (NumberFormatException e) {
      error(span(t), "error parsing number: " + e.getMessage());
      return 0;
    }
  }

  private double durationSeconds(Token t) {
    String text = t.getText();
    String unknown = unknownUnit(text);
    if (unknown != null) {
      error(span(t), "unknown unit " + GoQuote.quote(unknown) + " in duration " + GoQuote.quote(text));
      return 0;
    }
    try {
      return PromDuration.parseMillis(text) / 1000.0;
    } catch (IllegalArgumentException e) {
      error(span(t), e.getMessage());
      return 0;
    }
  }

  /** The first unit that Prometheus' duration parser does not know ("hs" in "1hs"), or null. */
  private static String unknownUnit(String text) {
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i))) {
        i++;
      }
      String unit = text.substring(start, i);
      if (!unit.isEmpty() && !List.of("ms", "s", "m", "h", "d", "w", "y").contains(unit)) {
        return unit;
      }
    }
    return null;
  }

  @Override
  public Expr visitString(PromQLParser.StringContext ctx) {
    return new StringLiteral(span(ctx), GoStrings.unquote(ctx.getText()));
  }

  @Override
  public Expr visitParen(PromQLParser.ParenContext ctx) {
    return new ParenExpr(span(ctx), visit(ctx.expr()));
  }

  // ---- selectors

  @Override
  public Expr visitVectorSelector(PromQLParser.VectorSelectorContext ctx) {
    String name = ctx.metricIdentifier() == null ? "" : ctx.metricIdentifier().getText();
    List<LabelMatcher> matchers = new ArrayList<>();
    if (ctx.labelMatchers() != null) {
      for (PromQLParser.LabelMatcherContext m : ctx.labelMatchers().labelMatcher()) {
        LabelMatcher lm = labelMatcher(m);
        if (lm != null) {
          matchers.add(lm);
        }
      }
    }
    if (!name.isEmpty()) {
      // As Prometheus does: the name before the braces becomes the last matcher.
      matchers.add(LabelMatcher.equal("__name__", name));
    }
    return new VectorSelector(span(ctx), name, matchers, Duration.ZERO, null);
  }

  private LabelMatcher labelMatcher(PromQLParser.LabelMatcherContext ctx) {
    if (ctx instanceof PromQLParser.QuotedMetricNameContext q) {
      String name = GoStrings.unquote(q.STRING().getText());
      return LabelMatcher.equal("__name__", name);
    }
    PromQLParser.LabelMatchContext m = (PromQLParser.LabelMatchContext) ctx;
    Token nameToken = m.getStart();
    String name =
        nameToken.getType() == PromQLLexer.STRING
            ? GoStrings.unquote(nameToken.getText())
            : nameToken.getText();
    Token valueToken = m.STRING(m.STRING().size() - 1).getSymbol();
    String value = GoStrings.unquote(valueToken.getText());
    MatchType type =
        switch (m.matchOp().getStart().getType()) {
          case PromQLLexer.EQL -> MatchType.EQUAL;
          case PromQLLexer.NEQ -> MatchType.NOT_EQUAL;
          case PromQLLexer.B_EQL_REGEX -> MatchType.REGEX;
          default -> MatchType.NOT_REGEX;
        };
    try {
      return LabelMatcher.of(type, name, value);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      try {
        // Prometheus reports the error of the pattern as written, not of its anchored form.
        com.google.re2j.Pattern.compile(value);
      } catch (com.google.re2j.PatternSyntaxException p) {
        message = "error parsing regexp: " + p.getDescription() + ": `" + p.getPattern() + "`";
      }
      error(span(nameToken, valueToken), message);
      return null;
    }
  }

  @Override
  public Expr visitRangeOrSubquery(PromQLParser.RangeOrSubqueryContext ctx) {
    Expr inner = visit(ctx.expr());
    Duration range = positiveDuration(ctx.rangeValue(0));
    if (ctx.COLON() == null) {
      Span brackets = span(ctx.LEFT_BRACKET().getSymbol(), ctx.RIGHT_BRACKET().getSymbol());
      if (!(inner instanceof VectorSelector vs)) {
        error(brackets, "ranges only allowed for vector selectors");
        return inner;
      }
      if (!vs.offset().isZero()) {
        error(brackets, "no offset modifiers allowed before range");
      } else if (vs.at() != null) {
        error(brackets, "no @ modifiers allowed before range");
      }
      return new MatrixSelector(span(ctx), vs, range);
    }
    Duration step =
        ctx.rangeValue().size() > 1 ? positiveDuration(ctx.rangeValue(1)) : Duration.ZERO;
    return new SubqueryExpr(span(ctx), inner, range, step, Duration.ZERO, null);
  }

  /** A signed number or duration, in seconds. */
  private double signedSeconds(Token sign, Token value) {
    double v =
        value.getType() == PromQLLexer.DURATION ? durationSeconds(value) : number(value);
    if (sign != null && sign.getType() == PromQLLexer.SUB) {
      v = -v;
    }
    return v;
  }

  private Duration positiveDuration(PromQLParser.RangeValueContext ctx) {
    Token sign = ctx.ADD() != null ? ctx.ADD().getSymbol() : ctx.SUB() != null ? ctx.SUB().getSymbol() : null;
    Token value = ctx.getStop();
    double v = signedSeconds(sign, value);
    if (v > MAX_DURATION_SECONDS || v < -MAX_DURATION_SECONDS) {
      error(span(ctx), "duration out of range");
      return Duration.ZERO;
    }
    if (!(v > 0)) {
      error(span(ctx), "duration must be greater than 0");
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(v * 1e9));
  }

  @Override
  public Expr visitOffset(PromQLParser.OffsetContext ctx) {
    Expr inner = visit(ctx.expr());
    PromQLParser.OffsetValueContext o = ctx.offsetValue();
    Token sign = o.ADD() != null ? o.ADD().getSymbol() : o.SUB() != null ? o.SUB().getSymbol() : null;
    double v = signedSeconds(sign, o.getStop());
    if (v > MAX_DURATION_SECONDS || v < -MAX_DURATION_SECONDS || Double.isNaN(v)) {
      error(span(o), "duration out of range");
      v = 0;
    }
    Duration offset = Duration.ofNanos(Math.round(v * 1e9));
    Span full = inner.span().union(span(ctx));
    if (inner instanceof VectorSelector vs) {
      checkOffsetUnset(vs.offset(), inner);
      return new VectorSelector(full, vs.name(), vs.matchers(), offset, vs.at());
    }
    if (inner instanceof MatrixSelector m) {
      checkOffsetUnset(m.selector().offset(), inner);
      return new MatrixSelector(full, m.selector().withOffset(offset), m.range());
    }
    if (inner instanceof SubqueryExpr s) {
      checkOffsetUnset(s.offset(), inner);
      return new SubqueryExpr(full, s.expr(), s.range(), s.step(), offset, s.at());
    }
    error(
        inner.span(),
        "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    return inner;
  }

  private void checkOffsetUnset(Duration existing, Expr e) {
    if (!existing.isZero()) {
      error(e.span(), "offset may not be set multiple times");
    }
  }

  @Override
  public Expr visitAt(PromQLParser.AtContext ctx) {
    Expr inner = visit(ctx.expr());
    AtModifier at;
    if (ctx.atValue() instanceof PromQLParser.AtPreprocessorContext p) {
      Token id = p.IDENTIFIER().getSymbol();
      String word = id.getText().toLowerCase(Locale.ROOT);
      if (!word.equals("start") && !word.equals("end")) {
        error(span(id), "unexpected " + SyntaxMessages.describe(id) + " in @, expected timestamp");
        return inner;
      }
      at = word.equals("start") ? AtModifier.START : AtModifier.END;
    } else {
      PromQLParser.AtTimestampContext t = (PromQLParser.AtTimestampContext) ctx.atValue();
      Token sign = t.ADD() != null ? t.ADD().getSymbol() : t.SUB() != null ? t.SUB().getSymbol() : null;
      double ts = signedSeconds(sign, t.getStop());
      if (Double.isNaN(ts) || Double.isInfinite(ts) || ts >= 9.223372036854775807e18 || ts <= -9.223372036854775808e18) {
        error(inner.span(), "timestamp out of bounds for @ modifier: " + goFloat(ts));
      }
      at = AtModifier.at(Double.isFinite(ts) ? Math.round(ts * 1000) : 0);
    }
    Span full = inner.span().union(span(ctx));
    if (inner instanceof VectorSelector vs) {
      if (checkAtUnset(vs.at(), inner)) {
        return new VectorSelector(full, vs.name(), vs.matchers(), vs.offset(), at);
      }
      return inner;
    }
    if (inner instanceof MatrixSelector m) {
      if (checkAtUnset(m.selector().at(), inner)) {
        return new MatrixSelector(full, m.selector().withAt(at), m.range());
      }
      return inner;
    }
    if (inner instanceof SubqueryExpr s) {
      if (checkAtUnset(s.at(), inner)) {
        return new SubqueryExpr(full, s.expr(), s.range(), s.step(), s.offset(), at);
      }
      return inner;
    }
    error(
        inner.span(),
        "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    return inner;
  }

  private boolean checkAtUnset(AtModifier existing, Expr e) {
    if (existing != null) {
      error(e.span(), "@ <timestamp> may not be set multiple times");
      return false;
    }
    return true;
  }

  /** Go's {@code %f}. */
  private static String goFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  @Override
  public Expr visitRangeModifier(PromQLParser.RangeModifierContext ctx) {
    Expr inner = visit(ctx.expr());
    String word = ctx.ANCHORED() != null ? "anchored" : "smoothed";
    error(inner.span(), word + " modifier is experimental and not enabled");
    return inner;
  }

  // ---- operators

  @Override
  public Expr visitUnary(PromQLParser.UnaryContext ctx) {
    Token op = ctx.getStart();
    Expr operand = visit(ctx.expr());
    boolean minus = op.getType() == PromQLLexer.SUB;
    Span s = new Span(op.getStartIndex(), operand.span().end());
    if (operand instanceof NumberLiteral n) {
      return new NumberLiteral(s, minus ? -n.value() : n.value(), n.duration());
    }
    return new UnaryExpr(s, minus ? UnaryOp.MINUS : UnaryOp.PLUS, operand);
  }

  @Override
  public Expr visitBinary(PromQLParser.BinaryContext ctx) {
    // Chains like a + b + c + ... nest on the left; walk that spine without recursion so that
    // long chains cannot overflow the stack.
    Deque<PromQLParser.BinaryContext> spine = new ArrayDeque<>();
    PromQLParser.ExprContext left = ctx;
    while (left instanceof PromQLParser.BinaryContext b) {
      spine.push(b);
      left = b.expr(0);
    }
    Expr acc = visit(left);
    while (!spine.isEmpty()) {
      PromQLParser.BinaryContext b = spine.pop();
      acc = binary(b, acc, visit(b.expr(1)));
    }
    return acc;
  }

  private Expr binary(PromQLParser.BinaryContext ctx, Expr lhs, Expr rhs) {
    Token opToken = ((TerminalNode) ctx.getChild(1)).getSymbol();
    BinaryOp op =
        switch (opToken.getType()) {
          case PromQLLexer.ADD -> BinaryOp.ADD;
          case PromQLLexer.SUB -> BinaryOp.SUB;
          case PromQLLexer.MUL -> BinaryOp.MUL;
          case PromQLLexer.DIV -> BinaryOp.DIV;
          case PromQLLexer.MOD -> BinaryOp.MOD;
          case PromQLLexer.POW -> BinaryOp.POW;
          case PromQLLexer.ATAN2 -> BinaryOp.ATAN2;
          case PromQLLexer.EQLC -> BinaryOp.EQL;
          case PromQLLexer.NEQ -> BinaryOp.NEQ;
          case PromQLLexer.LTE -> BinaryOp.LTE;
          case PromQLLexer.LSS -> BinaryOp.LSS;
          case PromQLLexer.GTE -> BinaryOp.GTE;
          case PromQLLexer.GTR -> BinaryOp.GTR;
          case PromQLLexer.LAND -> BinaryOp.AND;
          case PromQLLexer.LOR -> BinaryOp.OR;
          case PromQLLexer.LUNLESS -> BinaryOp.UNLESS;
          default -> throw new IllegalStateException("not a binary operator: " + opToken.getText());
        };
    PromQLParser.BinModifierContext m = ctx.binModifier();
    VectorMatching.Card card = VectorMatching.Card.ONE_TO_ONE;
    List<String> matching = List.of();
    List<String> include = List.of();
    boolean on = m.ON() != null;
    if (on || m.IGNORING() != null) {
      matching = groupingLabels(m.groupingLabels(0));
      if (m.GROUP_LEFT() != null || m.GROUP_RIGHT() != null) {
        card = m.GROUP_LEFT() != null ? VectorMatching.Card.MANY_TO_ONE : VectorMatching.Card.ONE_TO_MANY;
        if (m.groupingLabels().size() > 1) {
          include = groupingLabels(m.groupingLabels(1));
        }
      }
    }
    if (!m.fillModifier().isEmpty()) {
      error(lhs.span().union(rhs.span()), "binop fill modifiers are experimental and not enabled");
    }
    return new BinaryExpr(
        lhs.span().union(rhs.span()),
        op,
        lhs,
        rhs,
        m.BOOL() != null,
        new VectorMatching(card, matching, on, include));
  }

  private List<String> groupingLabels(PromQLParser.GroupingLabelsContext ctx) {
    List<String> labels = new ArrayList<>();
    for (PromQLParser.GroupingLabelContext l : ctx.groupingLabel()) {
      String name;
      if (l.STRING() != null) {
        name = GoStrings.unquote(l.STRING().getText());
        if (!LabelNames.isValidLabelName(name)) {
          error(span(l), "invalid label name for grouping: " + GoQuote.quote(name));
        }
      } else {
        name = l.getText();
      }
      labels.add(name);
    }
    return labels;
  }

  // ---- calls and aggregations

  private List<Expr> args(PromQLParser.CallBodyContext body) {
    List<Expr> args = new ArrayList<>();
    for (PromQLParser.ExprContext e : body.expr()) {
      args.add(visit(e));
    }
    if (body.trailingComma != null) {
      error(span(body.trailingComma), "trailing commas not allowed in function call args");
    }
    return args;
  }

  @Override
  public Expr visitCall(PromQLParser.CallContext ctx) {
    List<Expr> args = args(ctx.callBody());
    Token nameToken = ctx.functionName().getStart();
    String name = nameToken.getText();
    Function fn = Functions.lookup(name).orElse(null);
    if (fn == null) {
      error(span(nameToken), "unknown function with name " + GoQuote.quote(name));
      fn = new Function(name, List.of(), -1, ValueType.VECTOR, false);
    } else if (fn.experimental() && !options.experimentalFunctions()) {
      error(span(nameToken), "function " + GoQuote.quote(name) + " is not enabled");
    } else if (name.equals("info")) {
      error(span(nameToken), "function \"info\" is not supported");
    }
    return new Call(span(ctx), fn, args);
  }

  @Override
  public Expr visitAggregate(PromQLParser.AggregateContext ctx) {
    AggregateOp op = AggregateOp.valueOf(ctx.aggregateOp().getText().toUpperCase(Locale.ROOT));
    boolean without = false;
    List<String> grouping = List.of();
    if (ctx.aggregateModifier() != null) {
      without = ctx.aggregateModifier().WITHOUT() != null;
      grouping = groupingLabels(ctx.aggregateModifier().groupingLabels());
    }
    List<Expr> args = args(ctx.callBody());
    Span s = span(ctx);
    if (args.isEmpty()) {
      error(s, "no arguments for aggregate expression provided");
      return new NumberLiteral(s, 0);
    }
    int wanted = 1;
    Expr param = null;
    if (op.hasParam()) {
      if (op.experimental() && !options.experimentalFunctions()) {
        error(
            s,
            op.symbol()
                + "() is experimental and must be enabled with --enable-feature=promql-experimental-functions");
        return new NumberLiteral(s, 0);
      }
      wanted = 2;
      param = args.get(0);
    }
    if (args.size() != wanted) {
      error(
          s,
          "wrong number of arguments for aggregate expression provided, expected "
              + wanted
              + ", got "
              + args.size());
      return new NumberLiteral(s, 0);
    }
    return new AggregateExpr(s, op, args.get(wanted - 1), param, grouping, without);
  }
}
