package dev.tocsin.logql.pipeline;

import dev.tocsin.logql.ast.LabelFilter;
import dev.tocsin.model.LabelMatcher;
import java.util.function.DoublePredicate;

/**
 * A compiled label filter ({@code log/label_filter.go}). Converting filters drop lines without
 * the label, compare the value when it converts, and flag a value they cannot convert with {@code
 * LabelFilterErr} while keeping the line (an earlier error is not overwritten); {@code or}
 * short-circuits, {@code and} always evaluates both sides.
 */
public interface LabelPredicate {
  /** The {@code __error__} value set by a converting filter that cannot read its label. */
  String LABEL_FILTER_ERR = "LabelFilterErr";

  /** Tests the line's labels, possibly flagging an error on them. */
  boolean test(LabelState labels);

  /** Compiles a filter from the AST. */
  static LabelPredicate compile(LabelFilter filter) {
    if (filter instanceof LabelFilter.StringFilter f) {
      LabelMatcher m = f.matcher();
      return labels -> {
        String v = labels.get(m.name());
        return m.matches(v == null ? "" : v);
      };
    }
    if (filter instanceof LabelFilter.NumberFilter f) {
      DoublePredicate cmp = comparison(f.op(), f.value());
      return converting(f.label(), v -> cmp.test(GoConversions.parseFloat(v)));
    }
    if (filter instanceof LabelFilter.DurationFilter f) {
      DoublePredicate cmp = comparison(f.op(), (double) f.value().toNanos());
      return converting(f.label(), v -> cmp.test((double) GoConversions.parseDurationNanos(v)));
    }
    if (filter instanceof LabelFilter.BytesFilter f) {
      long want = f.value();
      return converting(
          f.label(),
          v -> {
            int c = Long.compareUnsigned(GoConversions.parseBytes(v), want);
            return switch (f.op()) {
              case GT -> c > 0;
              case GTE -> c >= 0;
              case LT -> c < 0;
              case LTE -> c <= 0;
              case EQ -> c == 0;
              case NEQ -> c != 0;
            };
          });
    }
    if (filter instanceof LabelFilter.IpFilter f) {
      IpMatcher ip = IpMatcher.compile(f.pattern());
      return labels -> {
        if (labels.hasError()) {
          return true;
        }
        String v = labels.getLabel(f.label());
        if (v == null) {
          return false;
        }
        return ip.matchesWithin(v) != f.negated();
      };
    }
    if (filter instanceof LabelFilter.And f) {
      LabelPredicate l = compile(f.left());
      LabelPredicate r = compile(f.right());
      return labels -> {
        boolean a = l.test(labels);
        boolean b = r.test(labels);
        return a && b;
      };
    }
    LabelFilter.Or f = (LabelFilter.Or) filter;
    LabelPredicate l = compile(f.left());
    LabelPredicate r = compile(f.right());
    return labels -> l.test(labels) || r.test(labels);
  }

  /** A test of a converted label value. */
  @FunctionalInterface
  interface ConvertedTest {
    boolean test(String value) throws GoConversions.ConversionException;
  }

  private static LabelPredicate converting(String label, ConvertedTest test) {
    return labels -> {
      String v = labels.getLabel(label);
      if (v == null) {
        return false;
      }
      try {
        return test.test(v);
      } catch (GoConversions.ConversionException e) {
        // The line is kept and flagged; the first failing filter owns __error_details__.
        labels.setError(LABEL_FILTER_ERR, e.getMessage());
        return true;
      }
    };
  }

  private static DoublePredicate comparison(LabelFilter.ComparisonOp op, double want) {
    return switch (op) {
      case GT -> v -> v > want;
      case GTE -> v -> v >= want;
      case LT -> v -> v < want;
      case LTE -> v -> v <= want;
      case EQ -> v -> v == want;
      case NEQ -> v -> v != want;
    };
  }
}
