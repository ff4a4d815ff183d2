package dev.tocsin.logql.engine;

import dev.tocsin.logql.ast.BinaryExpr;
import dev.tocsin.logql.ast.BinaryOp;
import dev.tocsin.logql.ast.VectorMatching;
import dev.tocsin.logql.ast.VectorMatching.Cardinality;
import dev.tocsin.logql.engine.StepValue.ScalarStep;
import dev.tocsin.logql.engine.StepValue.StepSample;
import dev.tocsin.logql.engine.StepValue.VectorStep;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.QueryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LogQL's binary operators ({@code evaluator.go}): PromQL's vector matching, except that division
 * and modulo by zero give NaN, and a comparison without {@code bool} keeps the vector's value
 * whichever side the literal is on.
 */
final class BinaryOperations {
  private BinaryOperations() {}

  static StepValue evaluate(BinaryExpr node, StepValue l, StepValue r) {
    BinaryOp op = node.op();
    if (l instanceof ScalarStep ls && r instanceof ScalarStep rs) {
      double v = arithmeticOrCompare(op, ls.value(), rs.value());
      return new ScalarStep(v);
    }
    if (l instanceof VectorStep lv && r instanceof ScalarStep rs) {
      return new VectorStep(vectorScalar(op, node.returnBool(), lv.samples(), rs.value(), false));
    }
    if (l instanceof ScalarStep ls && r instanceof VectorStep rv) {
      return new VectorStep(vectorScalar(op, node.returnBool(), rv.samples(), ls.value(), true));
    }
    List<StepSample> lhs = ((VectorStep) l).samples();
    List<StepSample> rhs = ((VectorStep) r).samples();
    Optional<VectorMatching> m = node.matching();
    return switch (op) {
      case AND -> new VectorStep(and(lhs, rhs, m, true));
      case UNLESS -> new VectorStep(and(lhs, rhs, m, false));
      case OR -> new VectorStep(or(lhs, rhs, m));
      default -> new VectorStep(vectorVector(op, node.returnBool(), lhs, rhs, m));
    };
  }

  private static double arithmeticOrCompare(BinaryOp op, double l, double r) {
    if (op.isComparison()) {
      return compare(op, l, r) ? 1 : 0;
    }
    return arithmetic(op, l, r);
  }

  static double arithmetic(BinaryOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> r == 0 ? Double.NaN : l / r;
      case MOD -> r == 0 ? Double.NaN : l % r;
      case POW -> Math.pow(l, r);
      default -> throw new IllegalStateException("not arithmetic: " + op);
    };
  }

  static boolean compare(BinaryOp op, double l, double r) {
    return switch (op) {
      case EQL -> l == r;
      case NEQ -> l != r;
      case GTR -> l > r;
      case GTE -> l >= r;
      case LSS -> l < r;
      case LTE -> l <= r;
      default -> throw new IllegalStateException("not a comparison: " + op);
    };
  }

  private static List<StepSample> vectorScalar(
      BinaryOp op, boolean returnBool, List<StepSample> vector, double scalar, boolean scalarLeft) {
    List<StepSample> out = new ArrayList<>(vector.size());
    for (StepSample s : vector) {
      double l = scalarLeft ? scalar : s.value();
      double r = scalarLeft ? s.value() : scalar;
      if (op.isComparison()) {
        boolean keep = compare(op, l, r);
        if (returnBool) {
          out.add(new StepSample(s.labels(), keep ? 1 : 0));
        } else if (keep) {
          out.add(s);
        }
      } else {
        out.add(new StepSample(s.labels(), arithmetic(op, l, r)));
      }
    }
    return out;
  }

  private static Labels signature(Labels l, Optional<VectorMatching> m) {
    if (m.isEmpty()) {
      return l;
    }
    VectorMatching vm = m.get();
    if (vm.on()) {
      return l.keepOnly(vm.labels());
    }
    return vm.labels().isEmpty() ? l : l.without(vm.labels());
  }

  private static List<StepSample> and(List<StepSample> lhs, List<StepSample> rhs, Optional<VectorMatching> m, boolean keepMatching) {
    Set<Labels> right = new HashSet<>();
    for (StepSample s : rhs) {
      right.add(signature(s.labels(), m));
    }
    List<StepSample> out = new ArrayList<>();
    for (StepSample s : lhs) {
      if (right.contains(signature(s.labels(), m)) == keepMatching) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<StepSample> or(List<StepSample> lhs, List<StepSample> rhs, Optional<VectorMatching> m) {
    Set<Labels> left = new HashSet<>();
    List<StepSample> out = new ArrayList<>(lhs);
    for (StepSample s : lhs) {
      left.add(signature(s.labels(), m));
    }
    for (StepSample s : rhs) {
      if (!left.contains(signature(s.labels(), m))) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<StepSample> vectorVector(
      BinaryOp op, boolean returnBool, List<StepSample> lhs, List<StepSample> rhs, Optional<VectorMatching> m) {
    Cardinality card = m.map(VectorMatching::cardinality).orElse(Cardinality.ONE_TO_ONE);
    if (card == Cardinality.ONE_TO_MANY) {
      List<StepSample> t = lhs;
      lhs = rhs;
      rhs = t;
    }
    Map<Labels, StepSample> right = new HashMap<>();
    for (StepSample s : rhs) {
      Labels sig = signature(s.labels(), m);
      if (right.putIfAbsent(sig, s) != null) {
        String side = card == Cardinality.ONE_TO_MANY ? "left" : "right";
        throw new QueryException(
            QueryException.ErrorType.EXECUTION,
            "found duplicate series on the " + side + " hand-side;many-to-many matching not allowed: matching labels"
                + " must be unique on one side");
      }
    }
    Map<Labels, Set<Labels>> matched = new HashMap<>();
    List<StepSample> out = new ArrayList<>();
    for (StepSample ls : lhs) {
      Labels sig = signature(ls.labels(), m);
      StepSample rs = right.get(sig);
      if (rs == null) {
        continue;
      }
      double vl = ls.value();
      double vr = rs.value();
      if (card == Cardinality.ONE_TO_MANY) {
        vl = rs.value();
        vr = ls.value();
      }
      double value;
      boolean keep = true;
      if (op.isComparison()) {
        keep = compare(op, vl, vr);
        value = returnBool ? (keep ? 1 : 0) : vl;
        if (returnBool) {
          keep = true;
        }
      } else {
        value = arithmetic(op, vl, vr);
      }
      Labels metric = resultMetric(ls.labels(), rs.labels(), card, m);
      Set<Labels> inserted = matched.get(sig);
      if (card == Cardinality.ONE_TO_ONE) {
        if (inserted != null) {
          throw new QueryException(
              QueryException.ErrorType.EXECUTION,
              "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        }
        matched.put(sig, Set.of());
      } else {
        if (inserted == null) {
          inserted = new HashSet<>();
          matched.put(sig, inserted);
        } else if (inserted.contains(metric)) {
          throw new QueryException(
              QueryException.ErrorType.EXECUTION, "multiple matches for labels: grouping labels must ensure unique matches");
        }
        inserted.add(metric);
      }
      if (keep) {
        out.add(new StepSample(metric, value));
      }
    }
    return out;
  }

  private static Labels resultMetric(Labels many, Labels one, Cardinality card, Optional<VectorMatching> m) {
    if (m.isEmpty()) {
      return many;
    }
    VectorMatching vm = m.get();
    Labels.Builder b = many.toBuilder();
    if (card == Cardinality.ONE_TO_ONE) {
      if (vm.on()) {
        for (String n : many.names()) {
          if (!vm.labels().contains(n)) {
            b.remove(n);
          }
        }
      } else {
        vm.labels().forEach(b::remove);
      }
    }
    for (String n : vm.include()) {
      String v = one.getOrEmpty(n);
      if (!v.isEmpty()) {
        b.put(n, v);
      } else {
        b.remove(n);
      }
    }
    return b.build();
  }
}
