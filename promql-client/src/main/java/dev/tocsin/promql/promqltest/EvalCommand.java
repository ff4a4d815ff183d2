package dev.tocsin.promql.promqltest;

import dev.tocsin.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code eval} command of a script with everything its body lines expect. */
final class EvalCommand {
  final int line;
  final String text;
  final String expr;
  final boolean range;
  long start;
  long end;
  long step;
  boolean failExpected;
  String failMessage;
  String failRegex;
  boolean ordered;
  boolean legacyWarn;
  boolean legacyInfo;
  final List<AnnotationExpectation> warns = new ArrayList<>();
  final List<AnnotationExpectation> infos = new ArrayList<>();
  boolean noWarn;
  boolean noInfo;
  boolean rangeVectorExpected;
  String expectedString;
  Double expectedScalar;
  final Map<Labels, Expected> expected = new LinkedHashMap<>();
  String skipReason;

  EvalCommand(int line, String text, String expr, boolean range) {
    this.line = line;
    this.text = text;
    this.expr = expr;
    this.range = range;
  }

  /** An expected series: its values (null = no point) and its position among the lines. */
  record Expected(Labels labels, List<Double> values, int position) {}

  /** An {@code expect warn|info} line: an exact message, a regex, or (both null) anything. */
  record AnnotationExpectation(String message, String regex) {
    boolean matches(String annotation) {
      if (message != null) {
        return message.equals(annotation);
      }
      if (regex != null) {
        return com.google.re2j.Pattern.compile(regex).matcher(annotation).find();
      }
      return true;
    }
  }
}
