package dev.tocsin.engine.differential;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** What one tool reported for one check: the firing alerts, the samples, or an error. */
sealed interface Outcome {
  /** Relative tolerance for floats: 2.42 sums plainly, 3.x with Kahan compensation (reference section 7). */
  double RELATIVE = 1e-9;

  /** An absolute floor, because a compensated sum can leave ~1e-16 where a plain one gives exactly 0. */
  double ABSOLUTE = 1e-12;

  /** Whether the other tool's outcome for the same check counts as the same result. */
  boolean agrees(Outcome other);

  /** The firing alerts of an {@code alert_rule_test}, each {@code Labels:{…} Annotations:{…}}, sorted. */
  record Alerts(List<String> alerts) implements Outcome {
    public Alerts {
      alerts = alerts.stream().sorted().toList();
    }

    @Override
    public boolean agrees(Outcome other) {
      return other instanceof Alerts a && a.alerts.equals(alerts);
    }

    @Override
    public String toString() {
      return alerts.isEmpty() ? "got:[]" : "got:[\n      " + String.join("\n      ", alerts) + "]";
    }
  }

  /** One sample of a {@code promql_expr_test} result. */
  record Sample(String labels, Double value, String printed) {}

  /** The samples of a {@code promql_expr_test}, sorted by labels. */
  record Samples(List<Sample> samples) implements Outcome {
    public Samples {
      samples = samples.stream().sorted(Comparator.comparing(Sample::labels)).toList();
    }

    @Override
    public boolean agrees(Outcome other) {
      if (!(other instanceof Samples s) || s.samples.size() != samples.size()) {
        return false;
      }
      for (int i = 0; i < samples.size(); i++) {
        Sample a = samples.get(i);
        Sample b = s.samples.get(i);
        if (!a.labels().equals(b.labels()) || !sameValue(a, b)) {
          return false;
        }
      }
      return true;
    }

    /** Equal doubles must also print alike (Go's %E); different ones need only be close. */
    private static boolean sameValue(Sample a, Sample b) {
      if (a.value() == null || b.value() == null || a.value().equals(b.value())) {
        return a.printed().equals(b.printed());
      }
      return close(a.value(), b.value());
    }

    static boolean close(double a, double b) {
      if (Double.isNaN(a) || Double.isNaN(b)) {
        return Double.isNaN(a) && Double.isNaN(b);
      }
      if (a == b) {
        return true; // also equal infinities
      }
      double diff = Math.abs(a - b);
      return diff <= ABSOLUTE || diff <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
    }

    @Override
    public String toString() {
      return samples.isEmpty() ? "got: nil"
          : "got: " + samples.stream().map(s -> s.labels() + " " + s.printed()).collect(Collectors.joining(", "));
    }
  }

  /** An evaluation error ({@code rule: …, err: …} or {@code expr: …, err: …}), normalised. */
  record Error(String message) implements Outcome {
    @Override
    public boolean agrees(Outcome other) {
      return other instanceof Error e && normalise(e.message).equals(normalise(message));
    }

    /**
     * Hides the series list of a vector-matching error: which two duplicates 2.42 names depends on
     * the creation order of its series, a Go map walk in the lazy loader, so promtool itself prints
     * different pairs from run to run of the same file.
     */
    static String normalise(String message) {
      return message.replaceAll("\\[\\{[^\\]]*\\}\\]", "[<series>]");
    }

    @Override
    public String toString() {
      return "err: " + message;
    }
  }

  /** A line neither parser rule recognises (a load error, a warning); compared verbatim. */
  record Other(String line) implements Outcome {
    @Override
    public boolean agrees(Outcome other) {
      return other instanceof Other o && o.line.equals(line);
    }

    @Override
    public String toString() {
      return line;
    }
  }
}
