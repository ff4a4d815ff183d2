package dev.tocsin.promql.promqltest;

import dev.tocsin.promql.ast.AggregateExpr;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.Call;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.ParenExpr;
import dev.tocsin.promql.ast.SubqueryExpr;
import dev.tocsin.promql.ast.UnaryExpr;
import java.util.function.Consumer;

/** Finds the function calls of an expression tree. */
final class CallFinder {
  private CallFinder() {}

  static void forEach(Expr e, Consumer<Call> consumer) {
    if (e instanceof Call c) {
      consumer.accept(c);
      c.args().forEach(a -> forEach(a, consumer));
    } else if (e instanceof AggregateExpr a) {
      forEach(a.expr(), consumer);
      if (a.param() != null) {
        forEach(a.param(), consumer);
      }
    } else if (e instanceof BinaryExpr b) {
      forEach(b.lhs(), consumer);
      forEach(b.rhs(), consumer);
    } else if (e instanceof UnaryExpr u) {
      forEach(u.expr(), consumer);
    } else if (e instanceof ParenExpr p) {
      forEach(p.expr(), consumer);
    } else if (e instanceof SubqueryExpr s) {
      forEach(s.expr(), consumer);
    }
  }
}
