package dev.tocsin.rules.validate;

import dev.tocsin.template.AlertTemplates;

/** Parses alert label and annotation values as Prometheus alert templates, as promtool does. */
final class TemplateCheck {
  /** The parse error as promtool prints it, or {@code null} when the template parses. */
  String check(String alertName, String text) {
    if (!text.contains("{{")) {
      return null; // text without an action is a valid template
    }
    return AlertTemplates.check(alertName, text);
  }
}
