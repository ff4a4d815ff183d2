package dev.tocsin.logql.parser;

import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.Decolorize;
import dev.tocsin.logql.ast.DropLabels;
import dev.tocsin.logql.ast.Grouping;
import dev.tocsin.logql.ast.JsonParser;
import dev.tocsin.logql.ast.KeepLabels;
import dev.tocsin.logql.ast.LabelExtraction;
import dev.tocsin.logql.ast.LabelFilter;
import dev.tocsin.logql.ast.LabelFilterVisitor;
import dev.tocsin.logql.ast.LabelFilterStage;
import dev.tocsin.logql.ast.LabelFormat;
import dev.tocsin.logql.ast.LabelFormatting;
import dev.tocsin.logql.ast.LabelReplace;
import dev.tocsin.logql.ast.LabelSelection;
import dev.tocsin.logql.ast.LineFilter;
import dev.tocsin.logql.ast.LineFilterOperand;
import dev.tocsin.logql.ast.LineFormat;
import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogRange;
import dev.tocsin.logql.ast.LogfmtParser;
import dev.tocsin.logql.ast.LogqlVisitor;
import dev.tocsin.logql.ast.PatternParser;
import dev.tocsin.logql.ast.RangeAggregation;
import dev.tocsin.logql.ast.RegexpParser;
import dev.tocsin.logql.ast.SampleExpr;
import dev.tocsin.logql.ast.Stage;
import dev.tocsin.logql.ast.StageVisitor;
import dev.tocsin.logql.ast.UnpackParser;
import dev.tocsin.logql.ast.Unwrap;
import dev.tocsin.logql.ast.UnwrapConversion;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorExpr;
import dev.tocsin.logql.ast.VectorMatching;
import dev.tocsin.model.LabelMatcher;
import java.util.List;
import java.util.StringJoiner;

/** The visitors behind {@link LogqlPrinter}. */
final class PrintingVisitor implements LogqlVisitor<String>, StageVisitor<String> {
  static final PrintingVisitor INSTANCE = new PrintingVisitor();

  private PrintingVisitor() {}

  @Override
  public String visitLogQuery(LogQuery node) {
    StringBuilder sb = new StringBuilder("{");
    StringJoiner j = new StringJoiner(", ");
    for (LabelMatcher m : node.selector().matchers()) {
      j.add(matcher(m));
    }
    sb.append(j).append('}');
    for (Stage s : node.stages()) {
      sb.append(' ').append(s.accept(this));
    }
    return sb.toString();
  }

  private static String matcher(LabelMatcher m) {
    return m.name() + m.type().symbol() + GoText.quote(m.value());
  }

  @Override
  public String visitRangeAggregation(RangeAggregation node) {
    StringBuilder sb = new StringBuilder(node.op().symbol()).append('(');
    if (node.parameter().isPresent()) {
      sb.append(number(node.parameter().getAsDouble())).append(", ");
    }
    sb.append(logRange(node.range())).append(')');
    node.grouping().ifPresent(g -> sb.append(' ').append(grouping(g)));
    return sb.toString();
  }

  private String logRange(LogRange r) {
    StringBuilder sb = new StringBuilder(visitLogQuery(r.query()));
    r.unwrap().ifPresent(u -> sb.append(' ').append(unwrap(u)));
    sb.append(" [").append(GoDurations.formatProm(r.range())).append(']');
    r.offset().ifPresent(o -> sb.append(" offset ").append(GoDurations.formatGo(o)));
    return sb.toString();
  }

  private String unwrap(Unwrap u) {
    StringBuilder sb = new StringBuilder("| unwrap ");
    if (u.conversion() == UnwrapConversion.NONE) {
      sb.append(u.label());
    } else {
      sb.append(u.conversion().symbol()).append('(').append(u.label()).append(')');
    }
    for (LabelFilter f : u.postFilters()) {
      sb.append(" | ").append(labelFilter(f));
    }
    return sb.toString();
  }

  private static String grouping(Grouping g) {
    return (g.without() ? "without (" : "by (") + String.join(", ", g.labels()) + ")";
  }

  @Override
  public String visitVectorAggregation(VectorAggregation node) {
    StringBuilder sb = new StringBuilder(node.op().symbol());
    node.grouping().ifPresent(g -> sb.append(' ').append(grouping(g)).append(' '));
    sb.append('(');
    if (node.parameter().isPresent()) {
      sb.append(node.parameter().getAsInt()).append(", ");
    }
    return sb.append(node.inner().accept(this)).append(')').toString();
  }

  @Override
  public String visitBinary(BinaryExpr node) {
    StringBuilder sb = new StringBuilder(operand(node.lhs())).append(' ').append(node.op().symbol());
    if (node.returnBool()) {
      sb.append(" bool");
    }
    node.matching().ifPresent(m -> sb.append(' ').append(matching(m)));
    return sb.append(' ').append(operand(node.rhs())).toString();
  }

  private String operand(SampleExpr e) {
    String s = e.accept(this);
    return e instanceof BinaryExpr || e instanceof LiteralExpr ? "(" + s + ")" : s;
  }

  private static String matching(VectorMatching m) {
    StringBuilder sb = new StringBuilder(m.on() ? "on (" : "ignoring (");
    sb.append(String.join(", ", m.labels())).append(')');
    switch (m.cardinality()) {
      case MANY_TO_ONE -> sb.append(" group_left (").append(String.join(", ", m.include())).append(')');
      case ONE_TO_MANY -> sb.append(" group_right (").append(String.join(", ", m.include())).append(')');
      case ONE_TO_ONE -> {}
    }
    return sb.toString();
  }

  @Override
  public String visitLiteral(LiteralExpr node) {
    double v = node.value();
    // LogQL has no literal for these; print expressions that Loki folds into them.
    if (Double.isNaN(v)) {
      return "0 / 0";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "10 ^ 400" : "-10 ^ 401";
    }
    return number(v);
  }

  private static String number(double v) {
    return GoFloats.format(v);
  }

  @Override
  public String visitVector(VectorExpr node) {
    return "vector(" + number(node.value()) + ")";
  }

  @Override
  public String visitLabelReplace(LabelReplace node) {
    return "label_replace("
        + node.inner().accept(this)
        + ", "
        + GoText.quote(node.destination())
        + ", "
        + GoText.quote(node.replacement())
        + ", "
        + GoText.quote(node.source())
        + ", "
        + GoText.quote(node.regex())
        + ")";
  }

  // ---- stages

  @Override
  public String visitLineFilter(LineFilter stage) {
    StringJoiner j = new StringJoiner(" or ", stage.op().symbol() + " ", "");
    for (LineFilterOperand o : stage.operands()) {
      j.add(o.ip() ? "ip(" + GoText.quote(o.value()) + ")" : GoText.quote(o.value()));
    }
    return j.toString();
  }

  @Override
  public String visitLogfmtParser(LogfmtParser stage) {
    StringBuilder sb = new StringBuilder("| logfmt");
    if (stage.strict()) {
      sb.append(" --strict");
    }
    if (stage.keepEmpty()) {
      sb.append(" --keep-empty");
    }
    return sb.append(extractions(stage.extractions())).toString();
  }

  @Override
  public String visitJsonParser(JsonParser stage) {
    return "| json" + extractions(stage.extractions());
  }

  private static String extractions(List<LabelExtraction> list) {
    if (list.isEmpty()) {
      return "";
    }
    StringJoiner j = new StringJoiner(", ", " ", "");
    for (LabelExtraction e : list) {
      j.add(e.label() + "=" + GoText.quote(e.expression()));
    }
    return j.toString();
  }

  @Override
  public String visitRegexpParser(RegexpParser stage) {
    return "| regexp " + GoText.quote(stage.regex());
  }

  @Override
  public String visitPatternParser(PatternParser stage) {
    return "| pattern " + GoText.quote(stage.pattern());
  }

  @Override
  public String visitUnpackParser(UnpackParser stage) {
    return "| unpack";
  }

  @Override
  public String visitLabelFilter(LabelFilterStage stage) {
    return "| " + labelFilter(stage.filter());
  }

  private static String labelFilter(LabelFilter f) {
    return f.accept(LabelFilterPrinter.INSTANCE);
  }

  /** Prints label filters; nested ones are parenthesized so that they parse back the same. */
  private static final class LabelFilterPrinter implements LabelFilterVisitor<String> {
    static final LabelFilterPrinter INSTANCE = new LabelFilterPrinter();

    @Override
    public String visitString(LabelFilter.StringFilter f) {
      return matcher(f.matcher());
    }

    @Override
    public String visitNumber(LabelFilter.NumberFilter f) {
      return f.label() + " " + f.op().symbol() + " " + number(f.value());
    }

    @Override
    public String visitDuration(LabelFilter.DurationFilter f) {
      return f.label() + " " + f.op().symbol() + " " + GoDurations.formatGo(f.value());
    }

    @Override
    public String visitBytes(LabelFilter.BytesFilter f) {
      return f.label() + " " + f.op().symbol() + " " + ByteSizes.format(f.value());
    }

    @Override
    public String visitIp(LabelFilter.IpFilter f) {
      return f.label() + (f.negated() ? " != " : " = ") + "ip(" + GoText.quote(f.pattern()) + ")";
    }

    @Override
    public String visitAnd(LabelFilter.And f) {
      return nested(f.left(), f.left() instanceof LabelFilter.And) + " and " + nested(f.right(), false);
    }

    @Override
    public String visitOr(LabelFilter.Or f) {
      return nested(f.left(), f.left() instanceof LabelFilter.Or) + " or " + nested(f.right(), false);
    }
  }

  /** Nested and/or filters go in parentheses, except a left operand of the same kind. */
  private static String nested(LabelFilter f, boolean sameKindOnLeft) {
    boolean binary = f instanceof LabelFilter.And || f instanceof LabelFilter.Or;
    String s = labelFilter(f);
    return binary && !sameKindOnLeft ? "(" + s + ")" : s;
  }

  @Override
  public String visitLineFormat(LineFormat stage) {
    return "| line_format " + GoText.quote(stage.template());
  }

  @Override
  public String visitLabelFormat(LabelFormat stage) {
    StringJoiner j = new StringJoiner(", ", "| label_format ", "");
    for (LabelFormatting f : stage.formattings()) {
      j.add(f.name() + "=" + (f.rename() ? f.value() : GoText.quote(f.value())));
    }
    return j.toString();
  }

  @Override
  public String visitDecolorize(Decolorize stage) {
    return "| decolorize";
  }

  @Override
  public String visitDropLabels(DropLabels stage) {
    return "| drop " + selections(stage.labels());
  }

  @Override
  public String visitKeepLabels(KeepLabels stage) {
    return "| keep " + selections(stage.labels());
  }

  private static String selections(List<LabelSelection> list) {
    StringJoiner j = new StringJoiner(", ");
    for (LabelSelection s : list) {
      j.add(s.matcher().map(PrintingVisitor::matcher).orElse(s.name()));
    }
    return j.toString();
  }
}
