package dev.tocsin.engine.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes seeded random promtool unit tests (rules plus input series, all expectations empty) that
 * stay clear of every promtool 2.42 / Prometheus 3.x difference listed in section 7 of the
 * Prometheus reference, so that 2.42's {@code got:} lists can serve as the truth for Tocsin.
 *
 * <p>The invariants that mask section 7, and how they are kept:
 * <ul>
 *   <li>Window left edges never hold a sample: input samples sit on multiples of the input
 *       interval {@code g} (a divisor of 60s) and rule outputs on multiples of 60s, rules evaluate
 *       on multiples of 60s, so every range + offset is chosen with {@code (offset + range) mod g
 *       != 0}, subquery ranges with {@code range mod 60s != 0}, and every {@code promql_expr_test}
 *       time is checked against each window edge of its expression ({@link Edge}).
 *   <li>Instant lookback never starts exactly on a sample at rule times: a series goes more than
 *       5m without a sample, or stops before the end, only after a {@code stale} marker or after a
 *       sample that is off the minute grid (no rule evaluation is then ever 5m after it); other
 *       gaps are shorter ({@link SeriesNotation}). {@code promql_expr_test} times are never on the
 *       input grid, so their lookback edge is off the grid too.
 *   <li>The 2.42 zero-point clamp never matters: counters start at 1000 or more, rise at most
 *       1/s, ranges are at most 10m, so the extrapolated duration to zero is always more than
 *       1.1 times the average sample spacing; a counter reset drops from at least 20000 to at
 *       most 3000, which keeps the first-sample/increase ratio above 1.1 across the reset.
 *   <li>Kahan summation only moves last digits: thresholds that real-valued results are compared
 *       with end in {@code ...37} in the fourth decimal, which no mean of a few integers hits;
 *       {@code ==}/{@code !=} are only used on integer-valued expressions.
 *   <li>No renamed or experimental functions, no {@code .} in regexes, legacy names only, no
 *       {@code query_offset}, group labels, histograms, {@code fuzzy_compare} or
 *       {@code start_timestamp}; {@code interval} is always set.
 * </ul>
 */
final class CaseGenerator {
  /** The rule evaluation step of every case, in seconds. */
  static final int EVAL = 60;

  /** Candidate input intervals, all divisors of the 60s evaluation step. */
  private static final int[] INTERVALS = {15, 20, 30, 30, 60, 60};
  private static final String[] COUNTERS = {"http_requests_total", "errors_total", "bytes_sent_total",
      "jobs_done_total"};
  private static final String[] GAUGES = {"temperature", "queue_depth", "memory_used", "workers_busy"};
  private static final String[] ALERTS = {"HighLoad", "TooManyErrors", "QueueStuck", "Degraded", "Flapping"};
  private static final Map<String, String[]> LABEL_VALUES = Map.of(
      "job", new String[] {"api", "db", "web"},
      "instance", new String[] {"i1", "i2", "i3"},
      "env", new String[] {"prod", "dev"});

  private final Random rnd;

  CaseGenerator(long seed) {
    rnd = new Random(seed);
  }

  /** A left window edge at {@code t - d} that must not fall on a multiple of {@code mod} seconds. */
  record Edge(int d, int mod) {
    boolean clearAt(int t) {
      return Math.floorMod(t - d, mod) != 0;
    }
  }

  /** A generated vector expression and what is known about its result. */
  record Vec(String text, List<String> labels, boolean integral, double lo, double hi, List<Edge> edges) {
    String wrapped() {
      return text.matches("[a-zA-Z0-9_:]+(\\{[^}]*\\})?") ? text : "(" + text + ")";
    }
  }

  /** An input metric with its series' label sets. */
  record Metric(String name, boolean counter, List<String> keys, List<Map<String, String>> series) {}

  /** One test-file check, already rendered as YAML. */
  private record Check(String yaml) {}

  /** An expression to check at times still to be chosen, with the window edges those times must avoid. */
  private record ExprSpec(String expr, List<Edge> edges) {}

  /** Generates case {@code index}; cases are reproducible for a seed and a sequence of calls. */
  GeneratedCase generate(int index) {
    return new Builder(index).build();
  }

  private int pick(int... options) {
    return options[rnd.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(rnd.nextInt(options.size()));
  }

  private String pick(String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private boolean chance(int oneIn) {
    return rnd.nextInt(oneIn) == 0;
  }

  /** State of one case under construction. */
  private final class Builder {
    private final int index;
    private final int g = pick(INTERVALS);
    private final int horizon = EVAL * (6 + rnd.nextInt(11));
    private final SeriesNotation notation = new SeriesNotation(rnd, g, horizon);
    private final List<Metric> metrics = new ArrayList<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<Vec> recorded = new ArrayList<>();
    private final List<String> recordedNames = new ArrayList<>();
    private final List<String> ruleYaml = new ArrayList<>();
    private final List<Boolean> ruleIsRecording = new ArrayList<>();
    private final List<String> alertNames = new ArrayList<>();
    private final List<ExprSpec> exprSpecs = new ArrayList<>();

    Builder(int index) {
      this.index = index;
    }

    GeneratedCase build() {
      int nMetrics = 1 + rnd.nextInt(3);
      for (int i = 0; i < nMetrics; i++) {
        metrics.add(metric(i));
      }
      int nRules = 1 + rnd.nextInt(4);
      int nRecording = nRules == 1 ? 0 : rnd.nextInt(Math.min(3, nRules));
      for (int i = 0; i < nRecording; i++) {
        recordingRule(i);
      }
      boolean poisoned = chance(30);
      for (int i = nRecording; i < nRules; i++) {
        alertingRule(i - nRecording, poisoned && i == nRules - 1);
      }
      exprChecks();
      return render();
    }

    // ---------------------------------------------------------------- input series

    private Metric metric(int i) {
      boolean counter = rnd.nextBoolean();
      String name = (counter ? pick(COUNTERS) : pick(GAUGES)).replaceFirst("^", "m" + i + "_");
      List<String> keys = new ArrayList<>(List.of("job"));
      if (rnd.nextBoolean()) {
        keys.add(chance(3) ? "env" : "instance");
      }
      if (chance(6)) {
        keys.remove("job");
      }
      int n = 1 + rnd.nextInt(4);
      Set<Map<String, String>> sets = new LinkedHashSet<>();
      for (int tries = 0; sets.size() < n && tries < 20; tries++) {
        Map<String, String> ls = new LinkedHashMap<>();
        for (String k : keys) {
          ls.put(k, pick(LABEL_VALUES.get(k)));
        }
        sets.add(ls);
      }
      Metric m = new Metric(name, counter, keys, List.copyOf(sets));
      for (int s = 0; s < m.series().size(); s++) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(notation.values(counter));
      }
      return m;
    }

    // ---------------------------------------------------------------- expressions

    private int range() {
      while (true) {
        int r = 61 + rnd.nextInt(540);
        if (r % g != 0) {
          return r;
        }
      }
    }

    private int offset(int range) {
      while (true) {
        int o = 20 + rnd.nextInt(200);
        if (o % g != 0 && (o + range) % g != 0) {
          return o;
        }
      }
    }

    private String matcher(Metric m) {
      if (m.keys().isEmpty() || !chance(3)) {
        return "";
      }
      String key = pick(m.keys());
      String value = pick(m.series()).get(key);
      return switch (rnd.nextInt(3)) {
        case 0 -> "{" + key + "=\"" + value + "\"}";
        case 1 -> "{" + key + "!=\"" + value + "\"}";
        default -> "{" + key + "=~\"" + value + "|" + pick(LABEL_VALUES.get(key)) + "\"}";
      };
    }

    private Vec selector(Metric m) {
      String text = m.name() + matcher(m);
      if (chance(8)) {
        int o = offset(300);
        return new Vec(text + " offset " + GoDuration.of(o), m.keys(), true, 0, 100, List.of(new Edge(o + 300, g)));
      }
      return m.counter()
          ? new Vec(text, m.keys(), true, 1000, 60000, List.of())
          : new Vec(text, m.keys(), true, 0, 100, List.of());
    }

    private Vec rangeFunction(Metric m) {
      int r = range();
      int o = chance(7) ? offset(r) : 0;
      String sel = m.name() + matcher(m) + "[" + GoDuration.of(r) + "]" + (o > 0 ? " offset " + GoDuration.of(o) : "");
      List<Edge> edges = List.of(new Edge(o + r, g));
      int perWindow = Math.max(1, r / g);
      if (m.counter()) {
        return switch (rnd.nextInt(6)) {
          case 0, 1 -> new Vec("rate(" + sel + ")", m.keys(), false, 0, 0.9, edges);
          case 2 -> new Vec("increase(" + sel + ")", m.keys(), false, 0, 0.9 * r, edges);
          case 3 -> new Vec("irate(" + sel + ")", m.keys(), false, 0, 0.9, edges);
          case 4 -> new Vec("resets(" + sel + ")", m.keys(), true, 0, 1, edges);
          default -> new Vec("changes(" + sel + ")", m.keys(), true, 0, perWindow, edges);
        };
      }
      return switch (rnd.nextInt(14)) {
        case 0, 1 -> new Vec("avg_over_time(" + sel + ")", m.keys(), false, 0, 100, edges);
        case 9 -> new Vec("deriv(" + sel + ")", m.keys(), false, -0.2, 0.2, edges);
        case 10 -> new Vec("predict_linear(" + sel + ", 600)", m.keys(), false, 0, 120, edges);
        case 11 -> new Vec("quantile_over_time(0.9, " + sel + ")", m.keys(), false, 0, 100, edges);
        case 12 -> new Vec("stddev_over_time(" + sel + ")", m.keys(), false, 0, 20, edges);
        case 13 -> new Vec("absent_over_time(" + sel + ")", List.of(), true, 1, 1, edges);
        case 2 -> new Vec("max_over_time(" + sel + ")", m.keys(), true, 0, 100, edges);
        case 3 -> new Vec("min_over_time(" + sel + ")", m.keys(), true, 0, 100, edges);
        case 4 -> new Vec("last_over_time(" + sel + ")", m.keys(), true, 0, 100, edges);
        case 5 -> new Vec("sum_over_time(" + sel + ")", m.keys(), true, 0, 60.0 * perWindow, edges);
        case 6 -> new Vec("count_over_time(" + sel + ")", m.keys(), true, 1, perWindow + 1, edges);
        case 7 -> new Vec("delta(" + sel + ")", m.keys(), false, -30, 30, edges);
        default -> new Vec("changes(" + sel + ")", m.keys(), true, 0, perWindow, edges);
      };
    }

    private Vec aggregate(Vec v, List<String> by) {
      String op = pick("sum", "sum", "count", "max", "min", "avg");
      String grouping = by == null ? "" : " by (" + String.join(", ", by) + ")";
      List<String> labels = by == null ? List.of() : by;
      if (by == null && !v.labels().isEmpty() && chance(4)) {
        String dropped = pick(v.labels());
        grouping = " without (" + dropped + ")";
        labels = v.labels().stream().filter(l -> !l.equals(dropped)).toList();
      }
      String text = op + grouping + " (" + v.text() + ")";
      return switch (op) {
        case "count" -> new Vec(text, labels, true, 1, 4, v.edges());
        case "sum" -> new Vec(text, labels, v.integral(), v.lo(), v.hi() * 2.5, v.edges());
        case "avg" -> new Vec(text, labels, false, v.lo(), v.hi(), v.edges());
        default -> new Vec(text, labels, v.integral(), v.lo(), v.hi(), v.edges());
      };
    }

    private List<String> randomBy(List<String> labels) {
      if (labels.isEmpty() || chance(4)) {
        return chance(2) ? null : List.of();
      }
      List<String> by = new ArrayList<>();
      for (String l : labels) {
        if (rnd.nextBoolean()) {
          by.add(l);
        }
      }
      return by.isEmpty() ? List.of(labels.get(0)) : by;
    }

    private Vec arithmetic(Vec v) {
      String w = v.wrapped();
      return switch (rnd.nextInt(6)) {
        case 0 -> new Vec(w + " * 2", v.labels(), v.integral(), v.lo() * 2, v.hi() * 2, v.edges());
        case 1 -> new Vec(w + " - 10", v.labels(), v.integral(), v.lo() - 10, v.hi() - 10, v.edges());
        case 2 -> new Vec(w + " / 60", v.labels(), false, v.lo() / 60, v.hi() / 60, v.edges());
        case 3 -> {
          long mid = Math.round((v.lo() + v.hi()) / 2);
          yield new Vec("abs(" + w + " - " + mid + ")", v.labels(), v.integral(), 0, (v.hi() - v.lo()) / 2, v.edges());
        }
        case 4 -> {
          long c = Math.round(v.lo() + (v.hi() - v.lo()) * 0.7);
          yield new Vec("clamp_max(" + v.text() + ", " + c + ")", v.labels(), v.integral(), v.lo(), c, v.edges());
        }
        default -> {
          long c = Math.round(v.lo() + (v.hi() - v.lo()) * 0.3);
          yield new Vec("clamp_min(" + v.text() + ", " + c + ")", v.labels(), v.integral(), c, v.hi(), v.edges());
        }
      };
    }

    private Vec subquery(Metric m) {
      Vec inner = rangeFunction(m);
      while (inner.text().contains(" offset ")) {
        inner = rangeFunction(m);
      }
      int r;
      do {
        r = 120 + rnd.nextInt(480);
      } while (r % EVAL == 0);
      String fn = pick("max_over_time", "min_over_time", "avg_over_time");
      List<Edge> edges = new ArrayList<>(inner.edges());
      edges.add(new Edge(r, EVAL));
      return new Vec(fn + "(" + inner.text() + "[" + GoDuration.of(r) + ":1m])", inner.labels(),
          inner.integral() && !fn.startsWith("avg"), inner.lo(), inner.hi(), edges);
    }

    /** Two aggregations grouped by the same labels, so vector matching is one-to-one. */
    private Vec vectorBinary() {
      Metric a = pick(metrics);
      List<String> by = a.keys().isEmpty() || chance(3) ? List.of() : List.of(a.keys().get(0));
      List<Metric> partners = metrics.stream().filter(m -> m.keys().containsAll(by)).toList();
      Metric b = pick(partners);
      Vec va = aggregate(base(a), by);
      Vec vb = aggregate(base(b), by);
      List<Edge> edges = new ArrayList<>(va.edges());
      edges.addAll(vb.edges());
      String op = pick("/", "-", "+", "and", "unless", "or");
      return switch (op) {
        case "/" -> new Vec(va.text() + " / " + vb.text(), by, false, 0, 2, edges);
        case "-" -> new Vec(va.text() + " - " + vb.text(), by, false, va.lo() - vb.hi(), va.hi() - vb.lo(), edges);
        case "+" -> new Vec(va.text() + " + " + vb.text(), by, false, va.lo() + vb.lo(), va.hi() + vb.hi(), edges);
        default -> new Vec(va.text() + " " + op + " " + vb.text(), by, false,
            Math.min(va.lo(), vb.lo()), Math.max(va.hi(), vb.hi()), edges);
      };
    }

    /** Many-to-one matching: each right-hand group is one aggregated series per {@code job}. */
    private Vec groupLeft() {
      List<Metric> withJob = metrics.stream().filter(m -> m.keys().contains("job")).toList();
      if (withJob.isEmpty()) {
        return rangeFunction(pick(metrics));
      }
      Vec left = rangeFunction(pick(withJob));
      Vec right = aggregate(base(pick(withJob)), List.of("job"));
      List<Edge> edges = new ArrayList<>(left.edges());
      edges.addAll(right.edges());
      String op = pick("*", "/", "+");
      return new Vec(left.text() + " " + op + " on (job) group_left " + right.text(), left.labels(), false,
          0, left.hi() * Math.max(1, right.hi()), edges);
    }

    private Vec misc(Metric m) {
      return switch (rnd.nextInt(4)) {
        case 0 -> new Vec("time() - timestamp(" + m.name() + matcher(m) + ")", m.keys(), true, 0, 400, List.of());
        case 1 -> {
          Vec v = aggregate(base(m), List.of());
          yield new Vec(v.text() + " or vector(0)", List.of(), v.integral(), v.lo(), v.hi(), v.edges());
        }
        case 2 -> {
          Vec v = base(m);
          if (!v.labels().contains("job")) {
            yield v;
          }
          List<String> labels = new ArrayList<>(v.labels());
          labels.add("team");
          yield new Vec("label_replace(" + v.text() + ", \"team\", \"t-$1\", \"job\", \"(.*)\")", labels,
              v.integral(), v.lo(), v.hi(), v.edges());
        }
        default -> {
          Vec v = base(m);
          Vec w = aggregate(base(pick(metrics)), List.of());
          List<Edge> edges = new ArrayList<>(v.edges());
          edges.addAll(w.edges());
          yield new Vec(v.wrapped() + " > scalar(" + w.text() + ")", v.labels(), v.integral(), v.lo(), v.hi(), edges);
        }
      };
    }

    private Vec base(Metric m) {
      return m.counter() || chance(2) ? rangeFunction(m) : selector(m);
    }

    private Vec anyVec() {
      Metric m = pick(metrics);
      return switch (rnd.nextInt(13)) {
        case 10 -> groupLeft();
        case 11 -> misc(m);
        case 12 -> alertsOfEarlierRule();
        case 0, 1 -> base(m);
        case 2, 3 -> aggregate(base(m), randomBy(m.keys()));
        case 4 -> arithmetic(base(m));
        case 5 -> subquery(m);
        case 6 -> vectorBinary();
        case 7 -> m.counter() ? rangeFunction(m) : selector(m);
        default -> recorded.isEmpty() ? aggregate(rangeFunction(m), randomBy(m.keys())) : recordedUse();
      };
    }

    /** Reads the ALERTS series an earlier rule of the same evaluation wrote. */
    private Vec alertsOfEarlierRule() {
      if (alertNames.isEmpty()) {
        return base(pick(metrics));
      }
      String a = pick(alertNames);
      if (rnd.nextBoolean()) {
        return new Vec("count(ALERTS{alertname=\"" + a + "\", alertstate=\"" + pick("pending", "firing") + "\"})",
            List.of(), true, 1, 3, List.of());
      }
      return new Vec("ALERTS{alertname=\"" + a + "\"}", List.of(), true, 1, 1, List.of());
    }

    private Vec recordedUse() {
      int i = rnd.nextInt(recorded.size());
      Vec rec = recorded.get(i);
      String name = recordedNames.get(i);
      if (rnd.nextBoolean()) {
        return new Vec(name, rec.labels(), rec.integral(), rec.lo(), rec.hi(), List.of());
      }
      int r = range();
      String fn = pick("avg_over_time", "max_over_time", "min_over_time");
      return new Vec(fn + "(" + name + "[" + GoDuration.of(r) + "])", rec.labels(),
          rec.integral() && !fn.startsWith("avg"), rec.lo(), rec.hi(), List.of(new Edge(r, g)));
    }

    /** A comparison whose threshold lies in the expression's likely range. */
    private String condition(Vec v) {
      double span = v.hi() - v.lo();
      double t = v.lo() + span * (0.1 + 0.8 * rnd.nextDouble());
      if (v.integral() && rnd.nextBoolean()) {
        long ti = Math.round(t);
        return v.wrapped() + " " + pick(">", "<", ">=", "<=", "==", "!=") + " " + ti;
      }
      // Four decimals ending in 7: no mean of a few integers equals it, so Kahan rounding cannot flip it.
      String ts = String.format(Locale.ROOT, "%.2f37", t);
      return v.wrapped() + " " + pick(">", "<", ">=", "<=") + " " + ts;
    }

    // ---------------------------------------------------------------- rules

    private void recordingRule(int i) {
      Metric m = pick(metrics);
      Vec v;
      if (!recorded.isEmpty() && chance(3)) {
        Vec r = recordedUse(); // a recording rule fed by an earlier one
        v = aggregate(r, randomBy(r.labels()));
      } else if (chance(25)) {
        // Deliberate evaluation error when two series differ only in the replaced label.
        v = new Vec("label_replace(" + m.name() + ", \"job\", \"same\", \"job\", \".*\")", m.keys(), true, 0, 100,
            List.of());
      } else {
        v = chance(4) ? rangeFunction(m) : aggregate(base(m), randomBy(m.keys()));
      }
      String name = "case" + index + ":" + m.name().replace("_total", "") + ":r" + i;
      checkRuleEdges(v);
      StringBuilder y = new StringBuilder("  - record: " + name + "\n    expr: " + quote(v.text()) + "\n");
      List<String> labels = v.labels();
      if (chance(4)) {
        y.append("    labels:\n      source: recorded\n");
        labels = new ArrayList<>(labels);
        labels.add("source");
      }
      recorded.add(new Vec(v.text(), labels, v.integral(), v.lo(), v.hi(), v.edges()));
      recordedNames.add(name);
      ruleYaml.add(y.toString());
      ruleIsRecording.add(true);
    }

    private void alertingRule(int i, boolean poisoned) {
      String name = pick(ALERTS) + i;
      Vec v;
      String expr;
      String extraLabel = null;
      if (poisoned) {
        // Deliberate evaluation error: a rule label overwrites the label that tells the series apart.
        Metric m = pick(metrics);
        v = new Vec(m.name(), m.keys(), true, 0, 100, List.of());
        if (rnd.nextBoolean()) {
          expr = m.name() + " > -1";
          extraLabel = m.keys().isEmpty() ? null : m.keys().get(0);
        } else {
          // Many-to-many (or implicit one-to-many) matching once both sides hold several series.
          Metric other = pick(metrics);
          expr = m.name() + " + on () " + other.name() + " > -1";
          v = new Vec(expr, List.of(), false, 0, 100, List.of());
        }
      } else if (chance(12)) {
        Metric m = pick(metrics);
        String sel = m.keys().isEmpty() || rnd.nextBoolean() ? m.name()
            : m.name() + "{" + m.keys().get(0) + "=\"" + pick(m.series()).get(m.keys().get(0)) + "\"}";
        List<String> labels = sel.contains("{") ? List.of(m.keys().get(0)) : List.of();
        v = new Vec("absent(" + sel + ")", labels, true, 1, 1, List.of());
        expr = v.text();
      } else {
        v = anyVec();
        expr = condition(v);
        if (chance(6)) {
          Vec w = anyVec();
          if (w.labels().equals(v.labels())) {
            expr = "(" + expr + ") " + pick("and", "unless", "or") + " (" + condition(w) + ")";
            List<Edge> edges = new ArrayList<>(v.edges());
            edges.addAll(w.edges());
            v = new Vec(v.text(), v.labels(), v.integral(), v.lo(), v.hi(), edges);
          }
        }
      }
      checkRuleEdges(v);
      StringBuilder y = new StringBuilder("  - alert: " + name + "\n    expr: " + quote(expr) + "\n");
      int forSec = pick(0, 0, 30, 60, 90, 120, 180, 300);
      if (forSec > 0 || chance(3)) {
        y.append("    for: ").append(GoDuration.of(forSec)).append('\n');
      }
      int keep = pick(0, 0, 0, 60, 90, 120, 180);
      if (keep > 0) {
        y.append("    keep_firing_for: ").append(GoDuration.of(keep)).append('\n');
      }
      y.append("    labels:\n      severity: ").append(pick("page", "warn", "info")).append('\n');
      if (extraLabel != null) {
        y.append("      ").append(extraLabel).append(": same\n");
      }
      if (!chance(4)) {
        y.append("    annotations:\n");
        String about = v.labels().isEmpty() ? "everything" : "{{ $labels." + pick(v.labels()) + " }}";
        y.append("      summary: ").append(quote(name + " on " + about)).append('\n');
        if (chance(3)) {
          y.append("      runbook: ").append(quote("see the wiki page " + i)).append('\n');
        }
      }
      ruleYaml.add(y.toString());
      ruleIsRecording.add(false);
      alertNames.add(name);
    }

    /** Rules evaluate on multiples of 60s, which are on every input grid. */
    private void checkRuleEdges(Vec v) {
      for (Edge e : v.edges()) {
        if (!e.clearAt(0)) {
          throw new IllegalStateException("generator bug: window edge on the sample grid in " + v.text());
        }
      }
    }

    // ---------------------------------------------------------------- expression checks

    private void exprChecks() {
      for (int i = 0; i < recorded.size(); i++) {
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
          addExpr(recordedNames.get(i), List.of());
        }
      }
      int extra = 1 + rnd.nextInt(3);
      for (int k = 0; k < extra; k++) {
        Vec v = anyVec();
        if (chance(3)) {
          addExpr(condition(v).replaceFirst(" (>|<|>=|<=|==|!=) ", " $1 bool "), v.edges());
        } else {
          addExpr(v.text(), v.edges());
        }
      }
      for (String a : alertNames) {
        if (rnd.nextBoolean()) {
          addExpr("ALERTS{alertname=\"" + a + "\"}", List.of());
        }
        if (chance(3)) {
          addExpr("ALERTS_FOR_STATE{alertname=\"" + a + "\"}", List.of());
        }
      }
      if (chance(3)) {
        Metric m = pick(metrics);
        addExpr(m.name(), List.of());
      }
    }

    private void addExpr(String expr, List<Edge> edges) {
      exprSpecs.add(new ExprSpec(expr, edges));
    }

    /** Adds a check at a time off the input grid whose window edges are all clear of samples. */
    private void exprCheck(ExprSpec spec, List<Check> checks) {
      for (int tries = 0; tries < 200; tries++) {
        int t = 1 + rnd.nextInt(horizon);
        if (t % g == 0 || !spec.edges().stream().allMatch(e -> e.clearAt(t))) {
          continue;
        }
        Check c = exprCheck(spec.expr(), t);
        if (!checks.contains(c)) {
          checks.add(c);
          return;
        }
      }
    }

    private Check exprCheck(String expr, int t) {
      return new Check("  - expr: " + quote(expr) + "\n    eval_time: " + GoDuration.of(t) + "\n    exp_samples: []\n");
    }

    // ---------------------------------------------------------------- files

    private GeneratedCase render() {
      String base = String.format(Locale.ROOT, "case-%03d", index);
      StringBuilder rules = new StringBuilder("groups:\n");
      // Group limits (2.31+) make rules with too many alerts or series fail; 2.42 and 3.x agree on that.
      String limit = chance(20) ? "  limit: " + (1 + rnd.nextInt(3)) + "\n" : "";
      boolean split = ruleIsRecording.contains(true) && ruleIsRecording.contains(false) && chance(4);
      List<String> order = new ArrayList<>();
      if (split) {
        rules.append("- name: recording\n").append(limit).append("  rules:\n");
        for (int i = 0; i < ruleYaml.size(); i++) {
          if (ruleIsRecording.get(i)) {
            rules.append(ruleYaml.get(i));
          }
        }
        rules.append("- name: alerting\n").append(limit).append("  rules:\n");
        for (int i = 0; i < ruleYaml.size(); i++) {
          if (!ruleIsRecording.get(i)) {
            rules.append(ruleYaml.get(i));
          }
        }
        // Without group_eval_order 2.42 runs groups in map order; either explicit order is deterministic.
        order = rnd.nextBoolean() ? List.of("recording", "alerting") : List.of("alerting", "recording");
      } else {
        List<String> ordered = new ArrayList<>(ruleYaml);
        if (ordered.size() > 1 && chance(4)) {
          // An alert ahead of the recording rule it reads sees the previous evaluation's output.
          ordered.add(0, ordered.remove(ordered.size() - 1));
        }
        rules.append("- name: rules\n").append(limit).append("  rules:\n");
        ordered.forEach(rules::append);
      }
      StringBuilder test = new StringBuilder("rule_files:\n  - " + base + ".rules.yml\nevaluation_interval: 1m\n");
      if (!order.isEmpty()) {
        test.append("group_eval_order: [").append(String.join(", ", order)).append("]\n");
      }
      test.append("tests:\n");
      // A second test group over the same rules, with fresh input, checks that no state leaks
      // from one group to the next.
      int evaluations = testGroup("case-" + index, true, values, test);
      if (chance(6)) {
        Map<String, List<String>> fresh = new LinkedHashMap<>();
        for (Metric m : metrics) {
          for (int i = 0; i < m.series().size(); i++) {
            fresh.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(notation.values(m.counter()));
          }
        }
        evaluations += testGroup("case-" + index + "-again", false, fresh, test);
      }
      return new GeneratedCase(index, base + ".rules.yml", rules.toString(), base + ".test.yml", test.toString(),
          evaluations);
    }

    /** Renders one test group and returns how many checks it holds. */
    private int testGroup(String name, boolean first, Map<String, List<String>> input, StringBuilder test) {
      test.append("- name: ").append(name).append("\n  interval: ").append(GoDuration.of(g))
          .append("\n  input_series:\n");
      for (Metric m : metrics) {
        List<String> vs = input.get(m.name());
        for (int i = 0; i < m.series().size(); i++) {
          List<String> parts = new ArrayList<>();
          m.series().get(i).forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
          String sel = m.name() + "{" + String.join(", ", parts) + "}";
          test.append("  - series: ").append(quote(sel)).append("\n    values: ").append(quote(vs.get(i))).append('\n');
        }
      }
      List<Check> alertChecks = new ArrayList<>();
      for (String alert : alertNames) {
        Set<Integer> times = new TreeSet<>();
        int n = 3 + rnd.nextInt(3);
        while (times.size() < n) {
          times.add(EVAL * rnd.nextInt(horizon / EVAL + 1) + pick(0, 5, 20, 30, 45, 59));
        }
        for (int t : times) {
          alertChecks.add(new Check("  - eval_time: " + GoDuration.of(t) + "\n    alertname: " + alert
              + "\n    exp_alerts: []\n"));
        }
      }
      List<Check> exprChecks = new ArrayList<>();
      if (first) {
        // Fails in every file that gets this far, so each file prints exactly one FAILED block.
        exprChecks.add(exprCheck("vector(" + index + ")", 0));
      }
      exprSpecs.forEach(spec -> exprCheck(spec, exprChecks));
      if (!alertChecks.isEmpty()) {
        test.append("  alert_rule_test:\n");
        alertChecks.forEach(c -> test.append(c.yaml()));
      }
      test.append("  promql_expr_test:\n");
      exprChecks.forEach(c -> test.append(c.yaml()));
      return alertChecks.size() + exprChecks.size();
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
