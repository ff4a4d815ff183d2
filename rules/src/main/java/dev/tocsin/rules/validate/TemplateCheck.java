package dev.tocsin.rules.validate;

/** Parses alert label and annotation values as Prometheus alert templates. */
final class TemplateCheck {
  /** The parse error as promtool prints it, or {@code null} when the template parses. */
  String check(String alertName, String text) {
    return null;
  }
}
