package dev.tocsin.engine.logging;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How log lines are written: one JSON object per line (the default) or logfmt. */
public enum LogFormat {
  JSON {
    @Override
    String format(LogLine line) {
      return JsonLines.format(line);
    }
  },
  LOGFMT {
    @Override
    String format(LogLine line) {
      return Logfmt.format(line);
    }
  };

  /** RFC 3339 in UTC with microseconds, the precision of the services Tocsin watches. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The line without its line terminator. */
  abstract String format(LogLine line);

  /**
   * The format named {@code json} or {@code logfmt}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static LogFormat parse(String name) {
    for (LogFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--log.format must be json or logfmt, not \"" + name + "\"");
  }
}
