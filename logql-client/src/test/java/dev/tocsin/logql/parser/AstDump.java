package dev.tocsin.logql.parser;

import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.Grouping;
import dev.tocsin.logql.ast.LabelFilter;
import dev.tocsin.logql.ast.LabelReplace;
import dev.tocsin.logql.ast.LiteralExpr;
import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.ast.LogRange;
import dev.tocsin.logql.ast.LogqlExpr;
import dev.tocsin.logql.ast.LogqlVisitor;
import dev.tocsin.logql.ast.RangeAggregation;
import dev.tocsin.logql.ast.Stage;
import dev.tocsin.logql.ast.VectorAggregation;
import dev.tocsin.logql.ast.VectorExpr;
import dev.tocsin.model.Span;
import java.util.Optional;

/** An indented dump of a tree with node spans, for golden files. */
final class AstDump implements LogqlVisitor<Void> {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  private AstDump() {}

  static String dump(LogqlExpr expr) {
    AstDump d = new AstDump();
    expr.accept(d);
    return d.out.toString();
  }

  private void line(String text, Span span) {
    out.append("  ".repeat(depth)).append(text);
    if (span != null) {
      out.append("  @").append(span.start()).append("..").append(span.end());
    }
    out.append('\n');
  }

  private void child(Runnable r) {
    depth++;
    r.run();
    depth--;
  }

  private static String grouping(Optional<Grouping> g) {
    return g.map(x -> (x.without() ? " without " : " by ") + x.labels()).orElse("");
  }

  @Override
  public Void visitLogQuery(LogQuery node) {
    line("LogQuery", node.span());
    child(
        () -> {
          line("selector " + node.selector().matchers(), node.selector().span());
          for (Stage s : node.stages()) {
            line(LogqlPrinter.print(s), s.span());
          }
        });
    return null;
  }

  @Override
  public Void visitRangeAggregation(RangeAggregation node) {
    String param = node.parameter().isPresent() ? " param=" + node.parameter().getAsDouble() : "";
    line("RangeAggregation " + node.op().symbol() + param + grouping(node.grouping()), node.span());
    child(() -> logRange(node.range()));
    return null;
  }

  private void logRange(LogRange r) {
    line("LogRange range=" + r.range() + r.offset().map(o -> " offset=" + o).orElse(""), r.span());
    child(
        () -> {
          r.query().accept(this);
          r.unwrap()
              .ifPresent(
                  u -> {
                    line("Unwrap " + u.conversion() + " " + u.label(), u.span());
                    child(
                        () -> {
                          for (LabelFilter f : u.postFilters()) {
                            line("post-filter " + f, null);
                          }
                        });
                  });
        });
  }

  @Override
  public Void visitVectorAggregation(VectorAggregation node) {
    String param = node.parameter().isPresent() ? " param=" + node.parameter().getAsInt() : "";
    line("VectorAggregation " + node.op().symbol() + param + grouping(node.grouping()), node.span());
    child(() -> node.inner().accept(this));
    return null;
  }

  @Override
  public Void visitBinary(BinaryExpr node) {
    line(
        "Binary " + node.op().symbol() + (node.returnBool() ? " bool" : "") + node.matching().map(m -> " " + m).orElse(""),
        node.span());
    child(
        () -> {
          node.lhs().accept(this);
          node.rhs().accept(this);
        });
    return null;
  }

  @Override
  public Void visitLiteral(LiteralExpr node) {
    line("Literal " + node.value(), node.span());
    return null;
  }

  @Override
  public Void visitVector(VectorExpr node) {
    line("Vector " + node.value(), node.span());
    return null;
  }

  @Override
  public Void visitLabelReplace(LabelReplace node) {
    line(
        "LabelReplace dst=" + node.destination() + " replacement=" + node.replacement() + " src=" + node.source() + " regex=" + node.regex(),
        node.span());
    child(() -> node.inner().accept(this));
    return null;
  }
}
