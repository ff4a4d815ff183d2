package dev.tocsin.rules.validate;

import dev.tocsin.model.source.Position;
import dev.tocsin.model.source.ScalarSource;
import dev.tocsin.template.AlertTemplates;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses alert label and annotation values as Prometheus alert templates, as promtool does. */
final class TemplateCheck {
  /** Go's parse errors name the template line: {@code template: __alert_X:LINE: ...}. */
  private static final Pattern LINE = Pattern.compile("^template: [^:]*:(\\d+):");

  /**
   * Where a template error is in the file: the start of the template line that Go names (the
   * preamble adds no line), or the scalar's start when the message names none.
   */
  static Position position(String error, ScalarSource source) {
    Matcher m = LINE.matcher(error);
    if (!m.find()) {
      return source.start();
    }
    int line = Integer.parseInt(m.group(1));
    String v = source.value();
    int offset = 0;
    for (int l = 1; l < line && offset >= 0; l++) {
      offset = v.indexOf('\n', offset);
      offset = offset < 0 ? -1 : offset + 1;
    }
    return offset <= 0 ? source.start() : source.positionOf(offset);
  }

  /** The parse error as promtool prints it, or {@code null} when the template parses. */
  String check(String alertName, String text) {
    if (!text.contains("{{")) {
      return null; // text without an action is a valid template
    }
    return AlertTemplates.check(alertName, text);
  }
}
