package dev.tocsin.engine.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the standard error of {@code test rules} (reference section 4.3) into one map of
 * outcomes per failed file, keyed by the check ({@code alert <name> @ <time>},
 * {@code expr <quoted> @ <time>}, {@code rule <name> @ <time>}).
 */
final class TestRulesOutput {
  private static final Pattern ALERT = Pattern.compile("^    alertname: (.+), time: (\\S+),\\s*$");
  private static final Pattern EXPR = Pattern.compile("^    expr: (\".*?\"), time: (\\S+?),\\s*$");
  private static final Pattern EXPR_ERR = Pattern.compile("^    expr: (\".*?\"), time: (\\S+?), err: (.*)$");
  private static final Pattern RULE_ERR = Pattern.compile("^    rule: (.+?), time: (\\S+?), err: (.*)$");
  private static final Pattern SAMPLE = Pattern.compile("(\\{[^}]*\\}) (\\S+?)(?:, |$)");
  private static final String FAILED = "  FAILED:";

  private TestRulesOutput() {}

  /** One failed file's outcomes, in the order printed. */
  record FileReport(Map<String, Outcome> outcomes) {
    boolean hasRuleError() {
      return outcomes.keySet().stream().anyMatch(k -> k.startsWith("rule "));
    }
  }

  /** Splits on the {@code FAILED:} lines; lines before the first one go to {@code preamble}. */
  static List<FileReport> parse(String stderr, List<String> preamble) {
    List<FileReport> files = new ArrayList<>();
    Map<String, Outcome> current = null;
    String group = "";
    List<String> lines = stderr.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals(FAILED)) {
        current = new LinkedHashMap<>();
        group = "";
        files.add(new FileReport(current));
        continue;
      }
      if (current == null) {
        preamble.add(line);
        continue;
      }
      Matcher m;
      if (line.startsWith("    name: ")) {
        group = line.substring("    name: ".length()).replaceFirst(",\\s*$", "") + "/"; // precedes alert blocks only
      } else if ((m = ALERT.matcher(line)).matches()) {
        List<String> alerts = new ArrayList<>();
        i++;
        while (i < lines.size() && !lines.get(i).startsWith("        got:")) {
          i++; // the exp: list
        }
        if (i < lines.size() && !lines.get(i).equals("        got:[]")) {
          String labels = null;
          for (i++; i < lines.size() && !lines.get(i).equals("            ]"); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("Labels:")) {
              labels = l;
            } else if (l.startsWith("Annotations:")) {
              alerts.add(labels + " " + l.replaceFirst(",$", ""));
            }
          }
        }
        put(current, "alert " + group + m.group(1) + " @ " + m.group(2), new Outcome.Alerts(alerts));
      } else if ((m = EXPR_ERR.matcher(line)).matches()) {
        put(current, "expr " + m.group(1) + " @ " + m.group(2), new Outcome.Error(m.group(3)));
      } else if ((m = EXPR.matcher(line)).matches()) {
        String key = "expr " + m.group(1) + " @ " + m.group(2);
        List<Outcome.Sample> samples = new ArrayList<>();
        while (i + 1 < lines.size() && lines.get(i + 1).startsWith("        ")) {
          String l = lines.get(++i).strip();
          if (l.startsWith("got: ") && !l.equals("got: nil")) {
            Matcher s = SAMPLE.matcher(l.substring("got: ".length()));
            while (s.find()) {
              samples.add(new Outcome.Sample(s.group(1), goFloat(s.group(2)), s.group(2)));
            }
          }
        }
        put(current, key, new Outcome.Samples(samples));
      } else if ((m = RULE_ERR.matcher(line)).matches()) {
        put(current, "rule " + m.group(1) + " @ " + m.group(2), new Outcome.Error(m.group(3)));
      } else if (!line.isBlank()) {
        put(current, "line " + line, new Outcome.Other(line));
      }
    }
    return files;
  }

  private static void put(Map<String, Outcome> map, String key, Outcome o) {
    String k = key;
    for (int n = 2; map.containsKey(k); n++) {
      k = key + " #" + n;
    }
    map.put(k, o);
  }

  /** Parses Go's {@code %E} output, including {@code +Inf}, {@code -Inf} and {@code NaN}. */
  static Double goFloat(String s) {
    return switch (s) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(s);
        } catch (NumberFormatException e) {
          yield null; // not a Go float: only the same text agrees
        }
      }
    };
  }
}
