package dev.tocsin.notifier.config;

import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.notifier.route.TimeInterval;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads the entries of a {@code time_intervals} (or older {@code mute_time_intervals}) definition
 * with the validation of Alertmanager's timeinterval package.
 */
final class TimeIntervalReader {
  private static final Set<String> RANGE_FIELDS = Set.of("times", "weekdays", "days_of_month", "months", "years",
      "location");
  private static final Set<String> TIMES_FIELDS = Set.of("start_time", "end_time");
  private static final Pattern TIME_OF_DAY = Pattern.compile("(([01][0-9])|(2[0-3])):([0-5][0-9])|24:00");
  private static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday");
  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");

  private final FieldReader fields;
  private final NodeReader reader;

  TimeIntervalReader(FieldReader fields) {
    this.fields = fields;
    this.reader = fields.reader();
  }

  List<TimeInterval> read(Node node) {
    List<TimeInterval> out = new ArrayList<>();
    for (Node range : reader.sequence(node, "[]timeinterval.TimeInterval")) {
      Map<String, NodeTuple> f = reader.mapping(range, "timeinterval.TimeInterval", RANGE_FIELDS, false);
      List<TimeInterval.Range> times = new ArrayList<>();
      for (Node t : reader.sequence(FieldReader.value(f, "times"), "[]timeinterval.TimeRange")) {
        Map<String, NodeTuple> tf = reader.mapping(t, "timeinterval.TimeRange", TIMES_FIELDS, false);
        int start = minutes(tf, "start_time");
        int end = minutes(tf, "end_time");
        if (start >= 0 && end >= 0) {
          if (start >= end) {
            fields.error(t, "start time cannot be equal or greater than end time");
          } else {
            times.add(new TimeInterval.Range(start, end));
          }
        }
      }
      List<TimeInterval.Range> weekdays = ranges(FieldReader.value(f, "weekdays"), "weekday", 0, 6, WEEKDAYS, false);
      List<TimeInterval.Range> days = ranges(FieldReader.value(f, "days_of_month"), "day of month", 1, 31, null, true);
      List<TimeInterval.Range> months = ranges(FieldReader.value(f, "months"), "month", 1, 12, MONTHS, false);
      List<TimeInterval.Range> years = ranges(FieldReader.value(f, "years"), "year", 0, 9999, null, false);
      ZoneId zone = ZoneOffset.UTC;
      String loc = fields.string(f, "location");
      if (loc != null && !loc.isEmpty()) {
        try {
          zone = loc.equals("Local") ? ZoneId.systemDefault() : ZoneId.of(loc);
        } catch (DateTimeException e) {
          fields.error(FieldReader.value(f, "location"), "unknown time zone " + loc);
        }
      }
      out.add(new TimeInterval(times, weekdays, days, months, years, zone));
    }
    return out;
  }

  /** Minutes since midnight of an {@code HH:MM} field, or -1 after an error. */
  private int minutes(Map<String, NodeTuple> f, String key) {
    String s = fields.string(f, key);
    if (s == null) {
      fields.error(FieldReader.value(f, key), "both start and end times must be provided");
      return -1;
    }
    Matcher m = TIME_OF_DAY.matcher(s);
    if (!m.matches()) {
      fields.error(FieldReader.value(f, key), "couldn't parse timestamp " + s + ", invalid format");
      return -1;
    }
    return s.equals("24:00") ? 1440 : Integer.parseInt(s.substring(0, 2)) * 60 + Integer.parseInt(s.substring(3));
  }

  /** Entries {@code a} or {@code a:b}, numbers or (when {@code names} is given) names, within {@code [min, max]}. */
  private List<TimeInterval.Range> ranges(Node node, String what, int min, int max, List<String> names,
      boolean negative) {
    List<TimeInterval.Range> out = new ArrayList<>();
    for (Node n : reader.sequence(node, "[]string")) {
      String s = reader.string(n);
      if (s == null) {
        continue;
      }
      String[] parts = s.split(":", -1);
      if (parts.length > 2) {
        fields.error(n, "invalid range " + s);
        continue;
      }
      Integer begin = value(parts[0].trim(), names, min, max, negative);
      Integer end = parts.length == 1 ? begin : value(parts[1].trim(), names, min, max, negative);
      if (begin == null || end == null) {
        fields.error(n, s + " is not a valid " + what);
        continue;
      }
      boolean comparable = !negative || (begin < 0) == (end < 0);
      if (comparable && begin > end) {
        fields.error(n, "start " + what + " cannot be after end " + what + " in " + s);
        continue;
      }
      if (negative && begin > 0 && end < 0 && begin > 31 + end + 1) {
        fields.error(n, "end day must be after start day in " + s);
        continue;
      }
      out.add(new TimeInterval.Range(begin, end));
    }
    return out;
  }

  private static Integer value(String s, List<String> names, int min, int max, boolean negative) {
    if (names != null) {
      int i = names.indexOf(s.toLowerCase(Locale.ROOT));
      if (i >= 0) {
        return i + min;
      }
      if (min == 0) {
        return null; // weekdays are names only
      }
    }
    try {
      int v = Integer.parseInt(s);
      boolean ok = (v >= min && v <= max) || (negative && v <= -min && v >= -max);
      return ok ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
