package dev.tocsin.promql.parser;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.ParseError;
import dev.tocsin.model.Span;
import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ExprVisitor;
import dev.tocsin.promql.ast.Function;
import dev.tocsin.promql.ast.GoQuote;
import dev.tocsin.promql.ast.MatrixSelector;
import dev.tocsin.promql.ast.NumberLiteral;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.StringLiteral;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import dev.tocsin.promql.ast.ValueType;
import dev.tocsin.promql.ast.VectorMatching;
import dev.tocsin.promql.ast.VectorSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Prometheus' {@code checkAST}: type checks the tree bottom-up and settles vector matching (set
 * operators match many-to-many; a scalar side has no matching), returning the settled tree.
 */
final class TypeChecker implements ExprVisitor<Expr> {
  private final String text;
  private final List<ParseError> errors;

  TypeChecker(String text, List<ParseError> errors) {
    this.text = text;
    this.errors = errors;
  }

  private void error(Span span, String message) {
    errors.add(new ParseError(span, message));
  }

  Expr check(Expr e) {
    return e.accept(this);
  }

  private Expr expectType(Expr e, ValueType want, String context) {
    Expr checked = check(e);
    if (checked.type() != want) {
      error(
          checked.span(),
          "expected type " + want.documentedName() + " in " + context + ", got " + checked.type().documentedName());
    }
    return checked;
  }

  @Override
  public Expr visitNumberLiteral(NumberLiteral e) {
    return e;
  }

  @Override
  public Expr visitStringLiteral(StringLiteral e) {
    return e;
  }

  @Override
  public Expr visitVectorSelector(VectorSelector e) {
    List<LabelMatcher> ms = e.matchers();
    if (!e.name().isEmpty()) {
      // The last matcher is the name written before the braces.
      for (int i = 0; i < ms.size() - 1; i++) {
        if (ms.get(i).name().equals("__name__")) {
          error(
              e.span(),
              "metric name must not be set twice: "
                  + GoQuote.quote(e.name())
                  + " or "
                  + GoQuote.quote(ms.get(i).value()));
        }
      }
      return e;
    }
    boolean nonEmpty = false;
    for (LabelMatcher m : ms) {
      if (!m.matchesEmpty()) {
        nonEmpty = true;
        break;
      }
    }
    if (!nonEmpty) {
      error(e.span(), "vector selector must contain at least one non-empty matcher");
    }
    return e;
  }

  @Override
  public Expr visitMatrixSelector(MatrixSelector e) {
    check(e.selector());
    return e;
  }

  @Override
  public Expr visitSubquery(SubqueryExpr e) {
    Expr inner = check(e.expr());
    if (inner.type() != ValueType.VECTOR) {
      error(e.span(), "subquery is only allowed on instant vector, got " + goName(inner.type()) + " instead");
    }
    return new SubqueryExpr(e.span(), inner, e.range(), e.step(), e.offset(), e.at());
  }

  /** Go's {@code ValueType.String()}, which a few messages use instead of the documented name. */
  private static String goName(ValueType t) {
    return switch (t) {
      case SCALAR -> "scalar";
      case VECTOR -> "vector";
      case MATRIX -> "matrix";
      case STRING -> "string";
    };
  }

  @Override
  public Expr visitCall(Call e) {
    Function fn = e.function();
    int nargs = fn.argTypes().size();
    int given = e.args().size();
    String quotedName = GoQuote.quote(fn.name());
    if (fn.variadic() == 0) {
      if (nargs != given) {
        error(e.span(), "expected " + nargs + " argument(s) in call to " + quotedName + ", got " + given);
      }
    } else {
      int min = nargs - 1;
      if (min > given) {
        error(e.span(), "expected at least " + min + " argument(s) in call to " + quotedName + ", got " + given);
      } else if (fn.variadic() > 0 && min + fn.variadic() < given) {
        error(
            e.span(),
            "expected at most " + (min + fn.variadic()) + " argument(s) in call to " + quotedName + ", got " + given);
      }
    }
    List<Expr> args = new ArrayList<>(e.args());
    for (int i = 0; i < args.size(); i++) {
      int typeIndex = i;
      if (i >= nargs) {
        if (fn.variadic() == 0 || nargs == 0) {
          break;
        }
        typeIndex = nargs - 1;
      }
      Expr arg = check(args.get(i));
      args.set(i, arg);
      ValueType want = fn.argTypes().get(typeIndex);
      if (arg.type() != want) {
        error(
            arg.span(),
            "expected type " + want.documentedName() + " in call to function " + quotedName + ", got "
                + arg.type().documentedName());
      }
    }
    return new Call(e.span(), fn, args);
  }

  @Override
  public Expr visitAggregate(AggregateExpr e) {
    Expr inner = expectType(e.expr(), ValueType.VECTOR, "aggregation expression");
    Expr param = e.param();
    if (param != null) {
      param = expectType(param, e.op().paramType(), "aggregation parameter");
    }
    return new AggregateExpr(e.span(), e.op(), inner, param, e.grouping(), e.without());
  }

  @Override
  public Expr visitBinary(BinaryExpr e) {
    // Check the left spine of long chains without recursion, in Prometheus' order: the left
    // operand, the right operand, then the operation itself.
    Deque<BinaryExpr> spine = new ArrayDeque<>();
    Expr left = e;
    while (left instanceof BinaryExpr b) {
      spine.push(b);
      left = b.lhs();
    }
    Expr acc = check(left);
    // Types are tracked along the spine rather than asked of each node, which would recompute
    // them down the whole chain every time.
    ValueType accType = acc.type();
    while (!spine.isEmpty()) {
      BinaryExpr b = spine.pop();
      Expr rhs = check(b.rhs());
      ValueType rt = rhs.type();
      acc = checkBinary(b, acc, accType, rhs, rt);
      accType = accType == ValueType.SCALAR && rt == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }
    return acc;
  }

  private Expr checkBinary(BinaryExpr e, Expr lhs, ValueType lt, Expr rhs, ValueType rt) {
    VectorMatching m = e.matching();
    if (e.returnBool() && !e.op().isComparison()) {
      error(operatorSpan(lhs, rhs), "bool modifier can only be used on comparison operators");
    }
    if (e.op().isComparison() && !e.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
      error(operatorSpan(lhs, rhs), "comparisons between scalars must use BOOL modifier");
    }
    if (m != null && e.op().isSetOperator() && m.card() == VectorMatching.Card.ONE_TO_ONE) {
      m = new VectorMatching(VectorMatching.Card.MANY_TO_MANY, m.matchingLabels(), m.on(), m.include());
    }
    if (m != null && m.on()) {
      for (String l1 : m.matchingLabels()) {
        if (m.include().contains(l1)) {
          error(operatorSpan(lhs, rhs), "label " + GoQuote.quote(l1) + " must not occur in ON and GROUP clause at once");
        }
      }
    }
    if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
      error(lhs.span(), "binary expression must contain only scalar and instant vector types");
    }
    if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
      error(rhs.span(), "binary expression must contain only scalar and instant vector types");
    }
    if ((lt != ValueType.VECTOR || rt != ValueType.VECTOR) && m != null) {
      if (!m.matchingLabels().isEmpty()) {
        error(e.span(), "vector matching only allowed between instant vectors");
      }
      m = null;
    } else if (m != null && e.op().isSetOperator()) {
      if (m.card() == VectorMatching.Card.ONE_TO_MANY || m.card() == VectorMatching.Card.MANY_TO_ONE) {
        error(e.span(), "no grouping allowed for " + GoQuote.quote(e.op().symbol()) + " operation");
      }
      if (m.card() != VectorMatching.Card.MANY_TO_MANY) {
        error(e.span(), "set operations must always be many-to-many");
      }
    }
    if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && e.op().isSetOperator()) {
      error(e.span(), "set operator " + GoQuote.quote(e.op().symbol()) + " not allowed in binary scalar expression");
    }
    return new BinaryExpr(e.span(), e.op(), lhs, rhs, e.returnBool(), m);
  }

  /** The text between the operands, trimmed: where Prometheus points for operator errors. */
  private Span operatorSpan(Expr lhs, Expr rhs) {
    int start = lhs.span().end();
    int end = rhs.span().start();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new Span(start, end);
  }

  @Override
  public Expr visitUnary(UnaryExpr e) {
    Expr inner = check(e.expr());
    if (inner.type() != ValueType.SCALAR && inner.type() != ValueType.VECTOR) {
      error(
          e.span(),
          "unary expression only allowed on expressions of type scalar or instant vector, got "
              + GoQuote.quote(inner.type().documentedName()));
    }
    return new UnaryExpr(e.span(), e.op(), inner);
  }

  @Override
  public Expr visitParen(ParenExpr e) {
    return new ParenExpr(e.span(), check(e.expr()));
  }
}
