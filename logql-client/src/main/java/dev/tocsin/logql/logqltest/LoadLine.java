package dev.tocsin.logql.logqltest;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of Loki's logqltest {@code load} notation without its stream selector, the notation
 * Tocsin also uses for {@code input_streams} and stream files:
 * {@code "line" @ 10s [repeat every 10s for 6] [metadata k="v" ...]}. The line is double-quoted
 * (taken as written, no unescaping) or in backticks; {@code {{.i}}} becomes the 0-based index of
 * each generated entry; the offset is a duration from time 0.
 */
public final class LoadLine {
  private static final Pattern REPEAT = Pattern.compile("^\\[\\s*repeat\\s+every\\s+(\\S+)\\s+for\\s+(\\d+)\\s*\\]");
  private static final Pattern OFFSET = Pattern.compile("^@\\s*(\\S+)");

  private LoadLine() {}

  /**
   * Parses a load line into its entries, timestamps in nanoseconds from 0.
   *
   * @throws ScriptSyntaxException when the text is not a load line
   */
  public static List<LogEntry> parse(String text) {
    String s = ScriptText.stripComment(text).strip();
    String line;
    int pos;
    if (s.startsWith("\"")) {
      int end = ScriptText.quotedEnd(s, 0);
      if (end < 0) {
        throw new ScriptSyntaxException("unterminated quoted line: " + text);
      }
      line = s.substring(1, end - 1);
      pos = end;
    } else if (s.startsWith("`")) {
      int end = s.indexOf('`', 1);
      if (end < 0) {
        throw new ScriptSyntaxException("unterminated raw line: " + text);
      }
      line = s.substring(1, end);
      pos = end + 1;
    } else {
      throw new ScriptSyntaxException("expected a quoted or raw line, got: " + text);
    }
    String rest = s.substring(pos).strip();
    Matcher om = OFFSET.matcher(rest);
    if (!om.find()) {
      throw new ScriptSyntaxException("missing '@ <offset>' in load line: " + text);
    }
    long offset = ScriptText.durationNanos(om.group(1));
    rest = rest.substring(om.end()).strip();
    long every = 0;
    int count = 1;
    Matcher rm = REPEAT.matcher(rest);
    if (rm.find()) {
      every = ScriptText.durationNanos(rm.group(1));
      try {
        count = Integer.parseInt(rm.group(2));
      } catch (NumberFormatException e) {
        throw new ScriptSyntaxException("invalid repeat count in load line: " + text);
      }
      rest = rest.substring(rm.end()).strip();
    }
    Labels metadata = Labels.EMPTY;
    if (rest.startsWith("[metadata")) {
      int close = metadataEnd(rest);
      if (close < 0) {
        throw new ScriptSyntaxException("unterminated [metadata ...] in load line: " + text);
      }
      metadata = ScriptText.labels("{" + rest.substring("[metadata".length(), close - 1).strip() + "}");
      rest = rest.substring(close).strip();
    }
    if (!rest.isEmpty()) {
      throw new ScriptSyntaxException("unexpected text '" + rest + "' in load line: " + text);
    }
    List<LogEntry> out = new ArrayList<>(count);
    boolean counter = line.contains("{{.i}}");
    for (int i = 0; i < count; i++) {
      String l = counter ? line.replace("{{.i}}", Integer.toString(i)) : line;
      out.add(new LogEntry(offset + i * every, l, metadata));
    }
    return out;
  }

  private static int metadataEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        int e = ScriptText.quotedEnd(s, i);
        if (e < 0) {
          return -1;
        }
        i = e - 1;
      } else if (c == ']') {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Parses a whole script load line, {@code {app="a"} "line" @ 10s ...}, into its stream labels
   * and entries.
   */
  public static StreamLoad parseWithSelector(String text) {
    String s = text.strip();
    if (!s.startsWith("{")) {
      throw new ScriptSyntaxException("expected a stream selector: " + text);
    }
    int end = ScriptText.braceEnd(s, 0);
    if (end < 0) {
      throw new ScriptSyntaxException("unterminated stream selector: " + text);
    }
    return new StreamLoad(ScriptText.labels(s.substring(0, end)), parse(s.substring(end)));
  }

  /** A stream's labels and the entries one load line adds to it. */
  public record StreamLoad(Labels stream, List<LogEntry> entries) {
    public StreamLoad {
      java.util.Objects.requireNonNull(stream, "stream is null");
      entries = List.copyOf(entries);
    }
  }
}
