package dev.tocsin.promql.engine;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.ast.BinaryExpr;
import dev.tocsin.promql.ast.BinaryOp;
import dev.tocsin.promql.ast.VectorMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary operators between scalars and instant vectors: arithmetic, comparisons (filtering or with
 * {@code bool}), set operators, and vector matching with {@code on}/{@code ignoring} and
 * {@code group_left}/{@code group_right}, with Prometheus' error messages.
 */
final class BinaryOperations {
  private BinaryOperations() {}

  static EvalValue evaluate(Evaluator ev, BinaryExpr e) {
    long t = ev.now();
    EvalValue lhs = ev.eval(e.lhs(), t);
    EvalValue rhs = ev.eval(e.rhs(), t);
    if (lhs instanceof ScalarValue l && rhs instanceof ScalarValue r) {
      return new ScalarValue(scalarOp(e.op(), l.value(), r.value()));
    }
    if (lhs instanceof InstantVector l && rhs instanceof ScalarValue r) {
      return ev.checkUnique(vectorScalar(ev, e, l, r.value(), false));
    }
    if (lhs instanceof ScalarValue l && rhs instanceof InstantVector r) {
      return ev.checkUnique(vectorScalar(ev, e, r, l.value(), true));
    }
    InstantVector l = (InstantVector) lhs;
    InstantVector r = (InstantVector) rhs;
    VectorMatching matching = e.matching();
    if (matching == null) {
      matching = new VectorMatching(
          e.op().isSetOperator() ? VectorMatching.Card.MANY_TO_MANY : VectorMatching.Card.ONE_TO_ONE,
          List.of(), false, List.of());
    }
    VectorMatching m = matching;
    LabelsCache sig = ev.cache(e, "signature", x -> signature(x, m));
    return switch (e.op()) {
      case AND -> and(l, r, sig);
      case OR -> or(l, r, sig);
      case UNLESS -> unless(l, r, sig);
      default -> ev.checkUnique(vectorVector(ev, e, l, r, m, sig));
    };
  }

  static double scalarOp(BinaryOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case POW -> goPow(l, r);
      case MOD -> goMod(l, r);
      case ATAN2 -> Math.atan2(l, r);
      case EQL -> l == r ? 1 : 0;
      case NEQ -> l != r ? 1 : 0;
      case GTR -> l > r ? 1 : 0;
      case LSS -> l < r ? 1 : 0;
      case GTE -> l >= r ? 1 : 0;
      case LTE -> l <= r ? 1 : 0;
      case AND, OR, UNLESS -> throw new EvalException(
          "operator \"" + op.symbol() + "\" not allowed for Scalar operations");
    };
  }

  /** Go's math.Pow, which differs from Java's for a base of 1 or -1 with a NaN or infinite exponent. */
  static double goPow(double l, double r) {
    if (l == 1 || (l == -1 && Double.isInfinite(r))) {
      return 1;
    }
    return Math.pow(l, r);
  }

  /** Go's math.Mod: the result has the sign of the dividend, like Java's %. */
  private static double goMod(double l, double r) {
    return l % r;
  }

  /** Whether a comparison holds; for arithmetic, always true. */
  private static boolean keeps(BinaryOp op, double l, double r) {
    return switch (op) {
      case EQL -> l == r;
      case NEQ -> l != r;
      case GTR -> l > r;
      case LSS -> l < r;
      case GTE -> l >= r;
      case LTE -> l <= r;
      default -> true;
    };
  }

  private static boolean changesSchema(BinaryOp op) {
    return switch (op) {
      case ADD, SUB, MUL, DIV, POW, MOD, ATAN2 -> true;
      default -> false;
    };
  }

  private static InstantVector vectorScalar(
      Evaluator ev, BinaryExpr e, InstantVector vec, double scalar, boolean scalarOnLeft) {
    BinaryOp op = e.op();
    List<EvalSample> out = new ArrayList<>(vec.samples().size());
    for (EvalSample s : vec.samples()) {
      double l = scalarOnLeft ? scalar : s.value();
      double r = scalarOnLeft ? s.value() : scalar;
      double value;
      boolean keep;
      if (op.isComparison()) {
        keep = keeps(op, l, r);
        // A comparison keeps the vector element's value, whichever side it is on.
        value = s.value();
      } else {
        value = scalarOp(op, l, r);
        keep = true;
      }
      if (e.returnBool()) {
        value = keep ? 1 : 0;
        keep = true;
      }
      if (!keep) {
        continue;
      }
      if (changesSchema(op) || e.returnBool()) {
        out.add(new EvalSample(ev.dropNameNow(s.metric()), value, true));
      } else {
        out.add(new EvalSample(s.metric(), value, s.dropName()));
      }
    }
    return new InstantVector(out);
  }

  /** The matching signature of a sample: the {@code on} labels, or all but the ignored and name. */
  static Labels signature(Labels metric, VectorMatching m) {
    if (m.on()) {
      return metric.keepOnly(m.matchingLabels());
    }
    List<String> drop = new ArrayList<>(m.matchingLabels().size() + 1);
    drop.addAll(m.matchingLabels());
    drop.add(Labels.METRIC_NAME);
    return metric.without(drop);
  }

  private static InstantVector and(InstantVector l, InstantVector r, LabelsCache sig) {
    if (l.samples().isEmpty() || r.samples().isEmpty()) {
      return InstantVector.EMPTY;
    }
    Set<Labels> right = new HashSet<>();
    for (EvalSample s : r.samples()) {
      right.add(sig.apply(s.metric()));
    }
    List<EvalSample> out = new ArrayList<>();
    for (EvalSample s : l.samples()) {
      if (right.contains(sig.apply(s.metric()))) {
        out.add(s);
      }
    }
    return new InstantVector(out);
  }

  private static InstantVector or(InstantVector l, InstantVector r, LabelsCache sig) {
    if (l.samples().isEmpty()) {
      return r;
    }
    if (r.samples().isEmpty()) {
      return l;
    }
    Set<Labels> left = new HashSet<>();
    List<EvalSample> out = new ArrayList<>(l.samples());
    for (EvalSample s : l.samples()) {
      left.add(sig.apply(s.metric()));
    }
    for (EvalSample s : r.samples()) {
      if (!left.contains(sig.apply(s.metric()))) {
        out.add(s);
      }
    }
    return new InstantVector(out);
  }

  private static InstantVector unless(InstantVector l, InstantVector r, LabelsCache sig) {
    if (l.samples().isEmpty() || r.samples().isEmpty()) {
      return l;
    }
    Set<Labels> right = new HashSet<>();
    for (EvalSample s : r.samples()) {
      right.add(sig.apply(s.metric()));
    }
    List<EvalSample> out = new ArrayList<>();
    for (EvalSample s : l.samples()) {
      if (!right.contains(sig.apply(s.metric()))) {
        out.add(s);
      }
    }
    return new InstantVector(out);
  }

  private static InstantVector vectorVector(
      Evaluator ev, BinaryExpr e, InstantVector lhsV, InstantVector rhsV, VectorMatching m, LabelsCache sig) {
    if (lhsV.samples().isEmpty() || rhsV.samples().isEmpty()) {
      return InstantVector.EMPTY;
    }
    BinaryOp op = e.op();
    boolean swapped = m.card() == VectorMatching.Card.ONE_TO_MANY;
    // For one-to-many, the sides swap so that the right is always the "one" side.
    List<EvalSample> many = swapped ? rhsV.samples() : lhsV.samples();
    List<EvalSample> one = swapped ? lhsV.samples() : rhsV.samples();

    Map<Labels, EvalSample> oneBySig = new HashMap<>();
    for (EvalSample s : one) {
      Labels key = sig.apply(s.metric());
      EvalSample dup = oneBySig.putIfAbsent(key, s);
      if (dup != null) {
        throw new EvalException(
            "found duplicate series for the match group "
                + matchLabels(s.metric(), m)
                + " on the "
                + (swapped ? "left" : "right")
                + " hand-side of the operation: ["
                + first(s.metric(), dup.metric())
                + ", "
                + second(s.metric(), dup.metric())
                + "];many-to-many matching not allowed: matching labels must be unique on one side");
      }
    }

    Map<Labels, Set<Labels>> matched = new HashMap<>();
    List<EvalSample> out = new ArrayList<>();
    for (EvalSample ls : many) {
      Labels key = sig.apply(ls.metric());
      EvalSample rs = oneBySig.get(key);
      if (rs == null) {
        continue;
      }
      double fl = swapped ? rs.value() : ls.value();
      double fr = swapped ? ls.value() : rs.value();
      double value;
      boolean keep;
      if (op.isComparison()) {
        keep = keeps(op, fl, fr);
        value = fl;
      } else {
        value = scalarOp(op, fl, fr);
        keep = true;
      }
      if (e.returnBool()) {
        value = keep ? 1 : 0;
      }
      Labels metric = resultMetric(ls.metric(), rs.metric(), op, m);
      if (e.returnBool()) {
        metric = ev.dropNameNow(metric);
      }
      Set<Labels> inserted = matched.get(key);
      if (m.card() == VectorMatching.Card.ONE_TO_ONE) {
        if (inserted != null) {
          throw new EvalException(
              "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        }
        matched.put(key, Set.of());
      } else {
        if (inserted == null) {
          inserted = new HashSet<>();
          matched.put(key, inserted);
        }
        if (!inserted.add(metric)) {
          throw new EvalException("multiple matches for labels: grouping labels must ensure unique matches");
        }
      }
      if (!keep && !e.returnBool()) {
        continue;
      }
      out.add(new EvalSample(metric, value, e.returnBool()));
    }
    return new InstantVector(out);
  }

  // The two duplicates are reported in label order, so the message is stable.
  private static Labels first(Labels a, Labels b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Labels second(Labels a, Labels b) {
    return a.compareTo(b) <= 0 ? b : a;
  }

  /** Prometheus' MatchLabels: the {@code on} labels, or everything but the ignored labels and name. */
  private static Labels matchLabels(Labels metric, VectorMatching m) {
    return signature(metric, m);
  }

  private static Labels resultMetric(Labels lhs, Labels rhs, BinaryOp op, VectorMatching m) {
    Labels.Builder b = lhs.toBuilder();
    if (changesSchema(op)) {
      // Arithmetic between vectors changes what the metric is, so its name goes at once.
      b.remove(Labels.METRIC_NAME);
    }
    if (m.card() == VectorMatching.Card.ONE_TO_ONE) {
      if (m.on()) {
        Labels kept = b.build().keepOnly(m.matchingLabels());
        b = kept.toBuilder();
      } else {
        for (String n : m.matchingLabels()) {
          b.remove(n);
        }
      }
    }
    for (String n : m.include()) {
      String v = rhs.get(n);
      if (v != null && !v.isEmpty()) {
        b.put(n, v);
      } else {
        b.remove(n);
      }
    }
    return b.build();
  }
}
