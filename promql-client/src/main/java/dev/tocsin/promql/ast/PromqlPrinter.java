package dev.tocsin.promql.ast;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.LabelNames;
import dev.tocsin.model.MatchType;
import dev.tocsin.model.PromDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Prints an expression as PromQL text that parses back to an equal tree, in the layout of
 * Prometheus' {@code Expr.String()} ({@code sum by (job) (rate(x[5m]))}, {@code a * on (i)
 * group_left (l) b}). Parentheses are added where the tree needs them and the text lacks them.
 */
public final class PromqlPrinter implements ExprVisitor<String> {
  private static final PromqlPrinter INSTANCE = new PromqlPrinter();

  private PromqlPrinter() {}

  /** The expression as PromQL text. */
  public static String print(Expr expr) {
    return expr.accept(INSTANCE);
  }

  @Override
  public String visitNumberLiteral(NumberLiteral e) {
    return formatNumber(e.value(), e.duration());
  }

  @Override
  public String visitStringLiteral(StringLiteral e) {
    return GoQuote.quote(e.value());
  }

  @Override
  public String visitVectorSelector(VectorSelector e) {
    StringBuilder sb = new StringBuilder();
    appendSelector(sb, e);
    appendModifiers(sb, e.at(), e.offset());
    return sb.toString();
  }

  @Override
  public String visitMatrixSelector(MatrixSelector e) {
    StringBuilder sb = new StringBuilder();
    appendSelector(sb, e.selector());
    sb.append('[').append(PromDuration.format(e.range())).append(']');
    appendModifiers(sb, e.selector().at(), e.selector().offset());
    return sb.toString();
  }

  @Override
  public String visitSubquery(SubqueryExpr e) {
    StringBuilder sb = new StringBuilder();
    sb.append(postfixOperand(e.expr()));
    sb.append('[').append(PromDuration.format(e.range())).append(':');
    if (!e.step().isZero()) {
      sb.append(PromDuration.format(e.step()));
    }
    sb.append(']');
    appendModifiers(sb, e.at(), e.offset());
    return sb.toString();
  }

  @Override
  public String visitCall(Call e) {
    StringBuilder sb = new StringBuilder(e.function().name()).append('(');
    appendList(sb, e.args());
    return sb.append(')').toString();
  }

  @Override
  public String visitAggregate(AggregateExpr e) {
    StringBuilder sb = new StringBuilder(e.op().symbol());
    if (e.without() || !e.grouping().isEmpty()) {
      sb.append(e.without() ? " without " : " by ");
      appendLabels(sb, e.grouping());
      sb.append(' ');
    }
    sb.append('(');
    if (e.param() != null) {
      sb.append(print(e.param())).append(", ");
    }
    sb.append(print(e.expr())).append(')');
    return sb.toString();
  }

  @Override
  public String visitBinary(BinaryExpr e) {
    // Long chains nest on the left; print that spine without recursion and into one buffer, so
    // that a chain of n operators costs O(n), not O(n^2).
    Deque<BinaryExpr> spine = new ArrayDeque<>();
    Expr left = e;
    while (left instanceof BinaryExpr b) {
      spine.push(b);
      left = b.lhs();
    }
    List<BinaryExpr> bottomUp = new ArrayList<>(spine);
    StringBuilder sb = new StringBuilder();
    Expr lhs = left;
    boolean[] wrap = new boolean[bottomUp.size()];
    for (int i = 0; i < bottomUp.size(); i++) {
      wrap[i] = needsParens(lhs, bottomUp.get(i).op(), true);
      lhs = bottomUp.get(i);
    }
    for (int i = bottomUp.size() - 1; i >= 0; i--) {
      if (wrap[i]) {
        sb.append('(');
      }
    }
    sb.append(print(left));
    for (int i = 0; i < bottomUp.size(); i++) {
      if (wrap[i]) {
        sb.append(')');
      }
      appendOperatorAndRhs(sb, bottomUp.get(i));
    }
    return sb.toString();
  }

  private static void appendOperatorAndRhs(StringBuilder sb, BinaryExpr e) {
    BinaryOp op = e.op();
    sb.append(' ').append(op.symbol());
    if (e.returnBool()) {
      sb.append(" bool");
    }
    VectorMatching m = e.matching();
    if (m != null) {
      boolean grouped =
          m.card() == VectorMatching.Card.MANY_TO_ONE || m.card() == VectorMatching.Card.ONE_TO_MANY;
      if (m.on() || !m.matchingLabels().isEmpty() || grouped) {
        sb.append(m.on() ? " on " : " ignoring ");
        appendLabels(sb, m.matchingLabels());
        if (grouped) {
          sb.append(m.card() == VectorMatching.Card.MANY_TO_ONE ? " group_left " : " group_right ");
          appendLabels(sb, m.include());
        }
      }
    }
    sb.append(' ');
    boolean wrapRight = needsParens(e.rhs(), op, false);
    sb.append(wrapRight ? "(" + print(e.rhs()) + ")" : print(e.rhs()));
  }

  @Override
  public String visitUnary(UnaryExpr e) {
    Expr operand = e.expr();
    boolean wrap = operand instanceof BinaryExpr b && b.op() != BinaryOp.POW;
    String inner = wrap ? "(" + print(operand) + ")" : print(operand);
    // "- -x" rather than "--x" keeps nested signs readable; both lex the same.
    boolean signed = inner.startsWith("-") || inner.startsWith("+");
    return e.op().symbol() + (signed ? " " : "") + inner;
  }

  @Override
  public String visitParen(ParenExpr e) {
    return "(" + print(e.expr()) + ")";
  }

  private static boolean needsParens(Expr child, BinaryOp parent, boolean left) {
    if (child instanceof BinaryExpr b) {
      int cp = b.op().precedence();
      int pp = parent.precedence();
      if (cp != pp) {
        return cp < pp;
      }
      // Same level: only the side that associativity groups may go without parentheses.
      return parent.rightAssociative() == left;
    }
    if (child instanceof UnaryExpr || (child instanceof NumberLiteral n && isNegative(n))) {
      // -2 ^ 2 reads as -(2 ^ 2); a signed left operand of ^ needs its own parentheses.
      return parent == BinaryOp.POW && left;
    }
    return false;
  }

  private static boolean isNegative(NumberLiteral n) {
    return n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0);
  }

  /** Operands of a subquery that are not atoms need parentheses to stay one operand. */
  private static String postfixOperand(Expr e) {
    boolean atom =
        e instanceof VectorSelector
            || e instanceof Call
            || e instanceof AggregateExpr
            || e instanceof ParenExpr
            || e instanceof StringLiteral
            || (e instanceof NumberLiteral n && !isNegative(n));
    return atom ? print(e) : "(" + print(e) + ")";
  }

  private static void appendSelector(StringBuilder sb, VectorSelector e) {
    String name = e.name();
    sb.append(name);
    boolean first = true;
    boolean any = false;
    StringBuilder inner = new StringBuilder();
    boolean nameSkipped = false;
    for (LabelMatcher m : e.matchers()) {
      if (!name.isEmpty()
          && !nameSkipped
          && m.type() == MatchType.EQUAL
          && m.name().equals("__name__")
          && m.value().equals(name)) {
        nameSkipped = true;
        continue;
      }
      if (!first) {
        inner.append(',');
      }
      first = false;
      any = true;
      String n = m.name();
      inner.append(LabelNames.isLegacyLabelName(n) ? n : GoQuote.quote(n));
      inner.append(m.type().symbol()).append(GoQuote.quote(m.value()));
    }
    if (any || name.isEmpty()) {
      sb.append('{').append(inner).append('}');
    }
  }

  private static void appendModifiers(StringBuilder sb, AtModifier at, Duration offset) {
    if (at != null) {
      sb.append(" @ ");
      switch (at.kind()) {
        case START -> sb.append("start()");
        case END -> sb.append("end()");
        case TIMESTAMP -> sb.append(formatMillisAsSeconds(at.timestampMillis()));
      }
    }
    if (!offset.isZero()) {
      sb.append(" offset ");
      sb.append(offset.isNegative() ? "-" + PromDuration.format(offset.negated()) : PromDuration.format(offset));
    }
  }

  private static String formatMillisAsSeconds(long ms) {
    return BigDecimal.valueOf(ms).movePointLeft(3).setScale(3).toPlainString();
  }

  private static void appendList(StringBuilder sb, List<Expr> args) {
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(print(args.get(i)));
    }
  }

  private static void appendLabels(StringBuilder sb, List<String> labels) {
    sb.append('(');
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String l = labels.get(i);
      sb.append(LabelNames.isLegacyLabelName(l) ? l : GoQuote.quote(l));
    }
    sb.append(')');
  }

  /** Formats a number as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} and Prometheus do. */
  static String formatNumber(double v, boolean duration) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (duration) {
      long ms = Math.round(v * 1000);
      if ((double) ms / 1000 == v && ms != 0) {
        return ms < 0 ? "-" + PromDuration.format(-ms) : PromDuration.format(ms);
      }
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0";
    }
    String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return plain.toLowerCase(Locale.ROOT);
  }
}
