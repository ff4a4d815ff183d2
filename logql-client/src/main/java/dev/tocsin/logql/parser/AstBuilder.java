package dev.tocsin.logql.parser;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.BinaryOp;
import dev.tocsin.logql.ast.Decolorize;
import dev.tocsin.logql.ast.DropLabels;
import dev.tocsin.logql.ast.Grouping;
import dev.tocsin.logql.ast.JsonParser;
import dev.tocsin.logql.ast.KeepLabels;
import dev.tocsin.logql.ast.LabelExtraction;
import dev.tocsin.logql.ast.LabelFilter;
import dev.tocsin.logql.ast.LabelFilterStage;
import dev.tocsin.logql.ast.LabelFormat;
import dev.tocsin.logql.ast.LabelFormatting;
import dev.tocsin.logql.ast.LabelReplace;
import dev.tocsin.logql.ast.LabelSelection;
import dev.tocsin.logql.ast.LineFilter;
import dev.tocsin.logql.ast.LineFilterOp;
import dev.tocsin.logql.ast.LineFilterOperand;
import dev.tocsin.logql.ast.LineFormat;
import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogRange;
import dev.tocsin.logql.ast.LogfmtParser;
import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.PatternParser;
import dev.tocsin.logql.ast.RangeAggregation;
import dev.tocsin.logql.ast.RangeOp;
import dev.tocsin.logql.ast.RegexpParser;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.ast.Stage;
import dev.tocsin.logql.ast.StreamSelector;
import dev.tocsin.logql.ast.UnpackParser;
import dev.tocsin.logql.ast.Unwrap;
import dev.tocsin.logql.ast.UnwrapConversion;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorExpr;
import dev.tocsin.logql.ast.VectorMatching;
import dev.tocsin.logql.ast.VectorOp;
import dev.tocsin.logql.grammar.LogQLParser;
import dev.tocsin.logql.grammar.LogQLParser.BinOpModifierContext;
import dev.tocsin.logql.grammar.LogQLParser.BinaryExprContext;
import dev.tocsin.logql.grammar.LogQLParser.BytesLabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.DecolorizeStageContext;
import dev.tocsin.logql.grammar.LogQLParser.DropStageContext;
import dev.tocsin.logql.grammar.LogQLParser.DurationLabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.ExprContext;
import dev.tocsin.logql.grammar.LogQLParser.GroupModifierContext;
import dev.tocsin.logql.grammar.LogQLParser.GroupingContext;
import dev.tocsin.logql.grammar.LogQLParser.IpLabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.JsonStageContext;
import dev.tocsin.logql.grammar.LogQLParser.KeepStageContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelExtractionContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelExtractionsContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFilterConjunctionContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFilterPrimaryContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFilterStageContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFilterUnitContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFormatContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelFormatStageContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelReplaceExprContext;
import dev.tocsin.logql.grammar.LogQLParser.LabelsContext;
import dev.tocsin.logql.grammar.LogQLParser.LineFilterStageContext;
import dev.tocsin.logql.grammar.LogQLParser.LineFilterValueContext;
import dev.tocsin.logql.grammar.LogQLParser.LineFormatStageContext;
import dev.tocsin.logql.grammar.LogQLParser.LiteralContext;
import dev.tocsin.logql.grammar.LogQLParser.LiteralExprContext;
import dev.tocsin.logql.grammar.LogQLParser.LogExprContext;
import dev.tocsin.logql.grammar.LogQLParser.LogRangeContext;
import dev.tocsin.logql.grammar.LogQLParser.LogfmtStageContext;
import dev.tocsin.logql.grammar.LogQLParser.MatcherContext;
import dev.tocsin.logql.grammar.LogQLParser.NamedMatcherContext;
import dev.tocsin.logql.grammar.LogQLParser.NumberLabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.OffsetContext;
import dev.tocsin.logql.grammar.LogQLParser.ParenExprContext;
import dev.tocsin.logql.grammar.LogQLParser.ParenLabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.ParenLogRangeContext;
import dev.tocsin.logql.grammar.LogQLParser.ParenPipelineRangeContext;
import dev.tocsin.logql.grammar.LogQLParser.ParenSelectorRangeContext;
import dev.tocsin.logql.grammar.LogQLParser.PatternStageContext;
import dev.tocsin.logql.grammar.LogQLParser.PipelineStageContext;
import dev.tocsin.logql.grammar.LogQLParser.RangeAfterPipelineContext;
import dev.tocsin.logql.grammar.LogQLParser.RangeAfterSelectorContext;
import dev.tocsin.logql.grammar.LogQLParser.RangeAggregationExprContext;
import dev.tocsin.logql.grammar.LogQLParser.RegexpStageContext;
import dev.tocsin.logql.grammar.LogQLParser.SelectorContext;
import dev.tocsin.logql.grammar.LogQLParser.StringLabelFilterContext;
import dev.tocsin.logql.grammar.LogQLParser.UnpackStageContext;
import dev.tocsin.logql.grammar.LogQLParser.UnwrapContext;
import dev.tocsin.logql.grammar.LogQLParser.VectorAggregationExprContext;
import dev.tocsin.logql.grammar.LogQLParser.VectorAggregationGroupingFirstExprContext;
import dev.tocsin.logql.grammar.LogQLParser.VectorExprContext;
import dev.tocsin.logql.grammar.LogQLParser.VectorOpContext;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.MatchType;
import dev.tocsin.model.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parse tree into AST records, making the checks Loki makes while it builds its AST
 * (matcher regexes, parser stages, parameters, unwrap and grouping rules, binary operation legs)
 * and folding binary operations between two literals as Loki does.
 */
final class AstBuilder {
  private static final java.util.regex.Pattern NAMED_GROUP =
      java.util.regex.Pattern.compile("(\\\\*)\\(\\?P?<(\\w+)>");

  private final TokenStream tokens;

  AstBuilder(TokenStream tokens) {
    this.tokens = tokens;
  }

  LogqlExpr expr(ExprContext ctx) {
    if (ctx instanceof ParenExprContext p) {
      return expr(p.expr());
    }
    if (ctx instanceof LogExprContext l) {
      return logQuery(l.selector(), l.pipelineStage());
    }
    if (ctx instanceof RangeAggregationExprContext r) {
      return rangeAggregation(r);
    }
    if (ctx instanceof VectorAggregationGroupingFirstExprContext v) {
      return vectorAggregation(v, v.vectorOp(), v.NUMBER(), v.expr(), v.grouping());
    }
    if (ctx instanceof VectorAggregationExprContext v) {
      return vectorAggregation(v, v.vectorOp(), v.NUMBER(), v.expr(), v.grouping());
    }
    if (ctx instanceof LabelReplaceExprContext l) {
      return labelReplace(l);
    }
    if (ctx instanceof VectorExprContext v) {
      double value;
      try {
        value = GoFloats.parse(v.NUMBER().getText());
      } catch (IllegalArgumentException e) {
        throw new ParseFailure(span(v.NUMBER()), "unable to parse vectorExpr as a float: " + e.getMessage());
      }
      return new VectorExpr(span(v), value);
    }
    if (ctx instanceof LiteralExprContext l) {
      return new LiteralExpr(span(l), literal(l.literal()));
    }
    if (ctx instanceof BinaryExprContext b) {
      return binary(b);
    }
    throw new IllegalStateException("unknown expression " + ctx.getClass());
  }

  private double literal(LiteralContext l) {
    double v;
    try {
      v = GoFloats.parse(l.NUMBER().getText());
    } catch (IllegalArgumentException e) {
      throw new ParseFailure(span(l), "unable to parse literal as a float: " + e.getMessage());
    }
    return l.sign != null && l.sign.getType() == LogQLParser.SUB ? -v : v;
  }

  // ---- log queries

  private LogQuery logQuery(SelectorContext sel, List<PipelineStageContext> stageCtxs) {
    StreamSelector selector = selector(sel);
    List<Stage> stages = new ArrayList<>();
    for (PipelineStageContext s : stageCtxs) {
      stages.add(stage(s));
    }
    ParserRuleContext last = stageCtxs.isEmpty() ? sel : stageCtxs.get(stageCtxs.size() - 1);
    return new LogQuery(new Span(start(sel), end(last)), selector, stages);
  }

  private StreamSelector selector(SelectorContext ctx) {
    List<LabelMatcher> matchers = new ArrayList<>();
    for (MatcherContext m : ctx.matcher()) {
      matchers.add(matcher(m));
    }
    return new StreamSelector(span(ctx), matchers);
  }

  private LabelMatcher matcher(MatcherContext m) {
    return labelMatcher(m, m.IDENTIFIER(), m.op, m.STRING());
  }

  private LabelMatcher labelMatcher(ParserRuleContext ctx, TerminalNode name, Token op, TerminalNode string) {
    MatchType type =
        switch (op.getType()) {
          case LogQLParser.EQ -> MatchType.EQUAL;
          case LogQLParser.NEQ -> MatchType.NOT_EQUAL;
          case LogQLParser.RE -> MatchType.REGEX;
          default -> MatchType.NOT_REGEX;
        };
    String value = string(string);
    if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
      try {
        // Compiled as Prometheus' FastRegexMatcher does, for the same error message.
        Pattern.compile("^(?s:" + value + ")$");
      } catch (PatternSyntaxException e) {
        throw new ParseFailure(span(ctx), e.getMessage());
      }
    }
    try {
      return LabelMatcher.of(type, name.getText(), value);
    } catch (IllegalArgumentException e) {
      throw new ParseFailure(span(ctx), "error parsing regexp: " + e.getMessage());
    }
  }

  private String string(TerminalNode node) {
    try {
      return GoText.unquote(node.getText());
    } catch (IllegalArgumentException e) {
      throw new ParseFailure(span(node), e.getMessage());
    }
  }

  private Stage stage(PipelineStageContext ctx) {
    Span span = span(ctx);
    if (ctx instanceof LineFilterStageContext f) {
      List<LineFilterOperand> operands = new ArrayList<>();
      for (LineFilterValueContext v : f.lineFilterValue()) {
        operands.add(new LineFilterOperand(string(v.STRING()), v.IP() != null));
      }
      LineFilterOp op =
          switch (f.op.getType()) {
            case LogQLParser.PIPE_EXACT -> LineFilterOp.CONTAINS;
            case LogQLParser.NEQ -> LineFilterOp.NOT_CONTAINS;
            case LogQLParser.PIPE_MATCH -> LineFilterOp.MATCHES_REGEX;
            case LogQLParser.NRE -> LineFilterOp.NOT_MATCHES_REGEX;
            case LogQLParser.PIPE_PATTERN -> LineFilterOp.MATCHES_PATTERN;
            default -> LineFilterOp.NOT_MATCHES_PATTERN;
          };
      return new LineFilter(span, op, operands);
    }
    if (ctx instanceof LogfmtStageContext l) {
      boolean strict = false;
      boolean keepEmpty = false;
      for (TerminalNode flag : l.PARSER_FLAG()) {
        strict |= flag.getText().equals("--strict");
        keepEmpty |= flag.getText().equals("--keep-empty");
      }
      return new LogfmtParser(span, strict, keepEmpty, extractions(l.labelExtractions()));
    }
    if (ctx instanceof JsonStageContext j) {
      return new JsonParser(span, extractions(j.labelExtractions()));
    }
    if (ctx instanceof RegexpStageContext r) {
      String regex = string(r.STRING());
      String problem = regexpParserProblem(regex);
      if (problem != null) {
        throw new ParseFailure(span, "invalid regexp parser: " + problem);
      }
      return new RegexpParser(span, regex);
    }
    if (ctx instanceof PatternStageContext p) {
      String pattern = string(p.STRING());
      String problem = LinePatterns.check(pattern);
      if (problem != null) {
        throw new ParseFailure(span, "invalid pattern parser: " + problem);
      }
      return new PatternParser(span, pattern);
    }
    if (ctx instanceof UnpackStageContext) {
      return new UnpackParser(span);
    }
    if (ctx instanceof LabelFilterStageContext l) {
      return new LabelFilterStage(span, labelFilter(l.labelFilter()));
    }
    if (ctx instanceof LineFormatStageContext l) {
      return new LineFormat(span, string(l.STRING()));
    }
    if (ctx instanceof DecolorizeStageContext) {
      return new Decolorize(span);
    }
    if (ctx instanceof LabelFormatStageContext l) {
      List<LabelFormatting> fs = new ArrayList<>();
      for (LabelFormatContext f : l.labelFormat()) {
        String name = f.IDENTIFIER(0).getText();
        fs.add(
            f.STRING() != null
                ? new LabelFormatting(name, string(f.STRING()), false)
                : new LabelFormatting(name, f.IDENTIFIER(1).getText(), true));
      }
      return new LabelFormat(span, fs);
    }
    if (ctx instanceof DropStageContext d) {
      return new DropLabels(span, selections(d.namedMatcher()));
    }
    if (ctx instanceof KeepStageContext k) {
      return new KeepLabels(span, selections(k.namedMatcher()));
    }
    throw new IllegalStateException("unknown stage " + ctx.getClass());
  }

  private List<LabelExtraction> extractions(LabelExtractionsContext ctx) {
    List<LabelExtraction> out = new ArrayList<>();
    if (ctx != null) {
      for (LabelExtractionContext e : ctx.labelExtraction()) {
        String label = e.IDENTIFIER().getText();
        out.add(new LabelExtraction(label, e.STRING() == null ? label : string(e.STRING())));
      }
    }
    return out;
  }

  private List<LabelSelection> selections(List<NamedMatcherContext> ctxs) {
    List<LabelSelection> out = new ArrayList<>();
    for (NamedMatcherContext n : ctxs) {
      if (n.matcher() != null) {
        LabelMatcher m = matcher(n.matcher());
        out.add(new LabelSelection(m.name(), Optional.of(m)));
      } else {
        out.add(new LabelSelection(n.IDENTIFIER().getText(), Optional.empty()));
      }
    }
    return out;
  }

  /** Loki's checks of a regexp parser stage (log.NewRegexpParser), or null when it is fine. */
  private static String regexpParserProblem(String regex) {
    Set<String> names = new HashSet<>();
    Matcher m = NAMED_GROUP.matcher(regex);
    while (m.find()) {
      if (m.group(1).length() % 2 == 0 && !names.add(m.group(2))) {
        return "duplicate extracted label name '" + m.group(2) + "'";
      }
    }
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return e.getMessage();
    }
    if (p.groupCount() == 0 || p.namedGroups().isEmpty()) {
      return "at least one named capture must be supplied";
    }
    return null;
  }

  // ---- label filters

  private LabelFilter labelFilter(LabelFilterContext ctx) {
    LabelFilter result = conjunction(ctx.labelFilterConjunction(0));
    for (int i = 1; i < ctx.labelFilterConjunction().size(); i++) {
      result = new LabelFilter.Or(result, conjunction(ctx.labelFilterConjunction(i)));
    }
    return result;
  }

  private LabelFilter conjunction(LabelFilterConjunctionContext ctx) {
    LabelFilter result = unit(ctx.labelFilterUnit(0));
    for (int i = 1; i < ctx.labelFilterUnit().size(); i++) {
      result = new LabelFilter.And(result, unit(ctx.labelFilterUnit(i)));
    }
    return result;
  }

  private LabelFilter unit(LabelFilterUnitContext ctx) {
    LabelFilter first = primary(ctx.labelFilterPrimary());
    return ctx.labelFilter() == null ? first : new LabelFilter.And(first, labelFilter(ctx.labelFilter()));
  }

  private LabelFilter primary(LabelFilterPrimaryContext ctx) {
    if (ctx instanceof ParenLabelFilterContext p) {
      return labelFilter(p.labelFilter());
    }
    if (ctx instanceof StringLabelFilterContext s) {
      return new LabelFilter.StringFilter(labelMatcher(s, s.IDENTIFIER(), s.op, s.STRING()));
    }
    if (ctx instanceof IpLabelFilterContext ip) {
      return new LabelFilter.IpFilter(
          ip.IDENTIFIER().getText(), ip.op.getType() == LogQLParser.NEQ, string(ip.STRING()));
    }
    if (ctx instanceof DurationLabelFilterContext d) {
      Duration value = GoDurations.parseLexerDuration(d.DURATION().getText());
      return new LabelFilter.DurationFilter(d.IDENTIFIER().getText(), comparison(d.op), value);
    }
    if (ctx instanceof BytesLabelFilterContext b) {
      return new LabelFilter.BytesFilter(b.IDENTIFIER().getText(), comparison(b.op), ByteSizes.parse(b.BYTES().getText()));
    }
    NumberLabelFilterContext n = (NumberLabelFilterContext) ctx;
    return new LabelFilter.NumberFilter(n.IDENTIFIER().getText(), comparison(n.op), literal(n.literal()));
  }

  private static LabelFilter.ComparisonOp comparison(Token op) {
    return switch (op.getType()) {
      case LogQLParser.GT -> LabelFilter.ComparisonOp.GT;
      case LogQLParser.GTE -> LabelFilter.ComparisonOp.GTE;
      case LogQLParser.LT -> LabelFilter.ComparisonOp.LT;
      case LogQLParser.LTE -> LabelFilter.ComparisonOp.LTE;
      case LogQLParser.NEQ -> LabelFilter.ComparisonOp.NEQ;
      default -> LabelFilter.ComparisonOp.EQ;
    };
  }

  // ---- range aggregations

  private RangeAggregation rangeAggregation(RangeAggregationExprContext r) {
    RangeOp op = rangeOp(r.rangeOp().getStart().getType());
    LogRange range = logRange(r.logRange());
    OptionalDouble parameter = OptionalDouble.empty();
    if (r.NUMBER() != null) {
      String text = r.NUMBER().getText();
      if (op != RangeOp.QUANTILE_OVER_TIME) {
        throw new ParseFailure(span(r), "parameter " + text + " not supported for operation " + op.symbol());
      }
      try {
        parameter = OptionalDouble.of(GoFloats.parse(text));
      } catch (IllegalArgumentException e) {
        throw new ParseFailure(span(r.NUMBER()), "invalid parameter for operation " + op.symbol() + ": " + e.getMessage());
      }
    } else if (op == RangeOp.QUANTILE_OVER_TIME) {
      throw new ParseFailure(span(r), "parameter required for operation " + op.symbol());
    }
    Optional<Grouping> grouping = grouping(r.grouping());
    if (grouping.isPresent() && !op.allowsGrouping()) {
      throw new ParseFailure(span(r), "grouping not allowed for " + op.symbol() + " aggregation");
    }
    if (range.unwrap().isPresent()) {
      if (!op.allowsUnwrap()) {
        throw new ParseFailure(span(r), "invalid aggregation " + op.symbol() + " with unwrap");
      }
    } else if (!op.allowsLogRange()) {
      throw new ParseFailure(span(r), "invalid aggregation " + op.symbol() + " without unwrap");
    }
    return new RangeAggregation(span(r), op, parameter, range, grouping);
  }

  private static RangeOp rangeOp(int type) {
    return switch (type) {
      case LogQLParser.COUNT_OVER_TIME -> RangeOp.COUNT_OVER_TIME;
      case LogQLParser.RATE -> RangeOp.RATE;
      case LogQLParser.RATE_COUNTER -> RangeOp.RATE_COUNTER;
      case LogQLParser.BYTES_OVER_TIME -> RangeOp.BYTES_OVER_TIME;
      case LogQLParser.BYTES_RATE -> RangeOp.BYTES_RATE;
      case LogQLParser.AVG_OVER_TIME -> RangeOp.AVG_OVER_TIME;
      case LogQLParser.SUM_OVER_TIME -> RangeOp.SUM_OVER_TIME;
      case LogQLParser.MIN_OVER_TIME -> RangeOp.MIN_OVER_TIME;
      case LogQLParser.MAX_OVER_TIME -> RangeOp.MAX_OVER_TIME;
      case LogQLParser.STDVAR_OVER_TIME -> RangeOp.STDVAR_OVER_TIME;
      case LogQLParser.STDDEV_OVER_TIME -> RangeOp.STDDEV_OVER_TIME;
      case LogQLParser.QUANTILE_OVER_TIME -> RangeOp.QUANTILE_OVER_TIME;
      case LogQLParser.FIRST_OVER_TIME -> RangeOp.FIRST_OVER_TIME;
      case LogQLParser.LAST_OVER_TIME -> RangeOp.LAST_OVER_TIME;
      case LogQLParser.ABSENT_OVER_TIME -> RangeOp.ABSENT_OVER_TIME;
      default -> throw new IllegalStateException("not a range function: " + type);
    };
  }

  private LogRange logRange(LogRangeContext ctx) {
    if (ctx instanceof ParenLogRangeContext p) {
      return logRange(p.logRange());
    }
    if (ctx instanceof RangeAfterSelectorContext r) {
      return logRange(r, r.selector(), r.pipelineStage(), r.unwrap(), r.RANGE(), r.offset());
    }
    if (ctx instanceof ParenSelectorRangeContext r) {
      return logRange(r, r.selector(), List.of(), r.unwrap(), r.RANGE(), r.offset());
    }
    if (ctx instanceof ParenPipelineRangeContext r) {
      return logRange(r, r.selector(), r.pipelineStage(), r.unwrap(), r.RANGE(), r.offset());
    }
    RangeAfterPipelineContext r = (RangeAfterPipelineContext) ctx;
    return logRange(r, r.selector(), r.pipelineStage(), r.unwrap(), r.RANGE(), r.offset());
  }

  private LogRange logRange(
      ParserRuleContext ctx,
      SelectorContext sel,
      List<PipelineStageContext> stages,
      UnwrapContext unwrapCtx,
      TerminalNode rangeNode,
      OffsetContext offsetCtx) {
    LogQuery query = logQuery(sel, stages);
    String rangeText = rangeNode.getText();
    Duration range;
    try {
      range = GoDurations.parseProm(rangeText.substring(1, rangeText.length() - 1));
    } catch (IllegalArgumentException e) {
      throw new ParseFailure(span(rangeNode), e.getMessage());
    }
    Optional<Duration> offset =
        offsetCtx == null
            ? Optional.empty()
            : Optional.of(GoDurations.parseLexerDuration(offsetCtx.DURATION().getText()));
    Optional<Unwrap> unwrap = Optional.empty();
    if (unwrapCtx != null) {
      UnwrapConversion conv = UnwrapConversion.NONE;
      if (unwrapCtx.conv != null) {
        conv =
            switch (unwrapCtx.conv.getType()) {
              case LogQLParser.BYTES_CONV -> UnwrapConversion.BYTES;
              case LogQLParser.DURATION_CONV -> UnwrapConversion.DURATION;
              default -> UnwrapConversion.DURATION_SECONDS;
            };
      }
      List<LabelFilter> post = new ArrayList<>();
      for (LabelFilterContext f : unwrapCtx.labelFilter()) {
        post.add(labelFilter(f));
      }
      unwrap = Optional.of(new Unwrap(span(unwrapCtx), unwrapCtx.IDENTIFIER().getText(), conv, post));
    }
    return new LogRange(span(ctx), query, range, offset, unwrap);
  }

  // ---- vector aggregations and functions

  private VectorAggregation vectorAggregation(
      ExprContext ctx, VectorOpContext opCtx, TerminalNode number, ExprContext innerCtx, GroupingContext groupingCtx) {
    VectorOp op = vectorOp(opCtx.getStart().getType());
    SampleExpr inner = sample(innerCtx);
    Optional<Grouping> grouping = grouping(groupingCtx);
    OptionalInt parameter = OptionalInt.empty();
    if (op.takesParameter()) {
      if (number == null) {
        throw new ParseFailure(span(ctx), "parameter required for operation " + op.symbol());
      }
      String text = number.getText();
      int p;
      try {
        if (!text.matches("[0-9]+")) {
          throw new NumberFormatException(text);
        }
        p = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new ParseFailure(span(number), "invalid parameter " + op.symbol() + "(" + text + ",");
      }
      if (p <= 0) {
        throw new ParseFailure(span(number), "invalid parameter (must be greater than 0) " + op.symbol() + "(" + text);
      }
      if (op == VectorOp.APPROX_TOPK && grouping.isPresent()) {
        throw new ParseFailure(span(ctx), "grouping not allowed for " + op.symbol() + " aggregation");
      }
      parameter = OptionalInt.of(p);
    } else if (number != null) {
      throw new ParseFailure(span(number), "unsupported parameter for operation " + op.symbol() + "(" + number.getText() + ",");
    }
    if ((op == VectorOp.SORT || op == VectorOp.SORT_DESC) && grouping.isPresent() && !grouping.get().labels().isEmpty()) {
      throw new ParseFailure(span(groupingCtx), "sort and sort_desc doesn't allow grouping by ");
    }
    return new VectorAggregation(span(ctx), op, parameter, inner, grouping);
  }

  private static VectorOp vectorOp(int type) {
    return switch (type) {
      case LogQLParser.SUM -> VectorOp.SUM;
      case LogQLParser.AVG -> VectorOp.AVG;
      case LogQLParser.COUNT -> VectorOp.COUNT;
      case LogQLParser.MAX -> VectorOp.MAX;
      case LogQLParser.MIN -> VectorOp.MIN;
      case LogQLParser.STDDEV -> VectorOp.STDDEV;
      case LogQLParser.STDVAR -> VectorOp.STDVAR;
      case LogQLParser.BOTTOMK -> VectorOp.BOTTOMK;
      case LogQLParser.TOPK -> VectorOp.TOPK;
      case LogQLParser.SORT -> VectorOp.SORT;
      case LogQLParser.SORT_DESC -> VectorOp.SORT_DESC;
      case LogQLParser.APPROX_TOPK -> VectorOp.APPROX_TOPK;
      default -> throw new IllegalStateException("not a vector operator: " + type);
    };
  }

  private Optional<Grouping> grouping(GroupingContext ctx) {
    if (ctx == null) {
      return Optional.empty();
    }
    return Optional.of(new Grouping(ctx.kind.getType() == LogQLParser.WITHOUT, labels(ctx.labels())));
  }

  private static List<String> labels(LabelsContext ctx) {
    List<String> out = new ArrayList<>();
    if (ctx != null) {
      for (TerminalNode n : ctx.IDENTIFIER()) {
        out.add(n.getText());
      }
    }
    return out;
  }

  private LabelReplace labelReplace(LabelReplaceExprContext l) {
    SampleExpr inner = sample(l.expr());
    String dst = string(l.STRING(0));
    String replacement = string(l.STRING(1));
    String src = string(l.STRING(2));
    String regex = string(l.STRING(3));
    try {
      Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw new ParseFailure(span(l.STRING(3)), "invalid regex in label_replace: " + e.getMessage());
    }
    return new LabelReplace(span(l), inner, dst, replacement, src, regex);
  }

  /** A metric expression where Loki's grammar requires one; a log query there is a syntax error. */
  private SampleExpr sample(ExprContext ctx) {
    LogqlExpr e = expr(ctx);
    if (e instanceof SampleExpr s) {
      return s;
    }
    Token next = tokens.get(ctx.getStop().getTokenIndex() + 1);
    throw new ParseFailure(tokenSpan(next), "syntax error: unexpected " + TokenNames.of(next.getType()));
  }

  // ---- binary operations

  private SampleExpr binary(BinaryExprContext b) {
    BinaryOp op = binaryOp(b.op.getType());
    LogqlExpr left = expr(b.expr(0));
    LogqlExpr right = expr(b.expr(1));
    if (!(left instanceof SampleExpr lhs)) {
      throw new ParseFailure(span(b), "unexpected type for left leg of binary operation (" + op.symbol() + "): " + goType(left));
    }
    if (!(right instanceof SampleExpr rhs)) {
      throw new ParseFailure(span(b), "unexpected type for right leg of binary operation (" + op.symbol() + "): " + goType(right));
    }
    if (op.isSetOperator()) {
      if (lhs instanceof LiteralExpr l) {
        throw new ParseFailure(span(b), "unexpected literal for left leg of logical/set binary operation (" + op.symbol() + "): " + GoFloats.formatF(l.value()));
      }
      if (rhs instanceof LiteralExpr r) {
        throw new ParseFailure(span(b), "unexpected literal for right leg of logical/set binary operation (" + op.symbol() + "): " + GoFloats.formatF(r.value()));
      }
    }
    if (lhs instanceof LiteralExpr l && rhs instanceof LiteralExpr r) {
      return new LiteralExpr(span(b), fold(op, l.value(), r.value()));
    }
    BinOpModifierContext mod = b.binOpModifier();
    Optional<VectorMatching> matching = Optional.empty();
    if (mod.matching != null) {
      VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
      List<String> include = List.of();
      GroupModifierContext g = mod.groupModifier();
      if (g != null) {
        card = g.side.getType() == LogQLParser.GROUP_LEFT
            ? VectorMatching.Cardinality.MANY_TO_ONE
            : VectorMatching.Cardinality.ONE_TO_MANY;
        include = labels(g.labels());
      }
      matching = Optional.of(new VectorMatching(mod.matching.getType() == LogQLParser.ON, labels(mod.labels()), card, include));
    }
    return new BinaryExpr(span(b), op, lhs, rhs, mod.BOOL() != null, matching);
  }

  private static String goType(LogqlExpr e) {
    return e instanceof LogQuery q && q.stages().isEmpty() ? "*syntax.MatchersExpr" : "*syntax.PipelineExpr";
  }

  /** Loki's MergeBinOp for two scalars: division by zero gives NaN, comparisons give 1 or 0. */
  static double fold(BinaryOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> r == 0 ? Double.NaN : l / r;
      case MOD -> r == 0 ? Double.NaN : l % r;
      case POW -> Math.pow(l, r);
      case EQL -> l == r ? 1 : 0;
      case NEQ -> l != r ? 1 : 0;
      case GTR -> l > r ? 1 : 0;
      case GTE -> l >= r ? 1 : 0;
      case LSS -> l < r ? 1 : 0;
      case LTE -> l <= r ? 1 : 0;
      case AND, OR, UNLESS -> throw new IllegalStateException("set operator on literals");
    };
  }

  private static BinaryOp binaryOp(int type) {
    return switch (type) {
      case LogQLParser.ADD -> BinaryOp.ADD;
      case LogQLParser.SUB -> BinaryOp.SUB;
      case LogQLParser.MUL -> BinaryOp.MUL;
      case LogQLParser.DIV -> BinaryOp.DIV;
      case LogQLParser.MOD -> BinaryOp.MOD;
      case LogQLParser.POW -> BinaryOp.POW;
      case LogQLParser.CMP_EQ -> BinaryOp.EQL;
      case LogQLParser.NEQ -> BinaryOp.NEQ;
      case LogQLParser.GT -> BinaryOp.GTR;
      case LogQLParser.GTE -> BinaryOp.GTE;
      case LogQLParser.LT -> BinaryOp.LSS;
      case LogQLParser.LTE -> BinaryOp.LTE;
      case LogQLParser.AND -> BinaryOp.AND;
      case LogQLParser.OR -> BinaryOp.OR;
      case LogQLParser.UNLESS -> BinaryOp.UNLESS;
      default -> throw new IllegalStateException("not a binary operator: " + type);
    };
  }

  // ---- spans

  private static int start(ParserRuleContext ctx) {
    return ctx.getStart().getStartIndex();
  }

  private static int end(ParserRuleContext ctx) {
    return Math.max(ctx.getStop().getStopIndex() + 1, start(ctx));
  }

  static Span span(ParserRuleContext ctx) {
    return new Span(start(ctx), end(ctx));
  }

  static Span span(TerminalNode node) {
    return tokenSpan(node.getSymbol());
  }

  static Span tokenSpan(Token t) {
    int s = Math.max(t.getStartIndex(), 0);
    return new Span(s, Math.max(t.getStopIndex() + 1, s));
  }
}
