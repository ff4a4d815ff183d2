package dev.tocsin.promql.ast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generic traversal of expressions, for walkers that care about a few node types only (linters,
 * label analysis); whole-tree operations implement {@link ExprVisitor} instead.
 */
public final class Exprs {
  private Exprs() {}

  /** The direct sub-expressions of a node, in source order. */
  public static List<Expr> children(Expr e) {
    if (e instanceof MatrixSelector m) {
      return List.of(m.selector());
    }
    if (e instanceof SubqueryExpr s) {
      return List.of(s.expr());
    }
    if (e instanceof Call c) {
      return c.args();
    }
    if (e instanceof AggregateExpr a) {
      return a.param() == null ? List.of(a.expr()) : List.of(a.param(), a.expr());
    }
    if (e instanceof BinaryExpr b) {
      return List.of(b.lhs(), b.rhs());
    }
    if (e instanceof UnaryExpr u) {
      return List.of(u.expr());
    }
    if (e instanceof ParenExpr p) {
      return List.of(p.expr());
    }
    return List.of();
  }

  /**
   * Calls {@code action} on every node, parents before children and children in source order;
   * iterative, so arbitrarily long operator chains do not exhaust the stack.
   */
  public static void walk(Expr root, Consumer<? super Expr> action) {
    Deque<Expr> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      action.accept(e);
      List<Expr> kids = children(e);
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(kids.get(i));
      }
    }
  }
}
