package dev.tocsin.engine.unittest;

import dev.tocsin.model.Labels;
import java.util.Comparator;
import java.util.List;

/** An alert as promtool's unit tests compare and print it: labels and annotations. */
record LabelsAndAnnotations(Labels labels, Labels annotations) {
  static final Comparator<LabelsAndAnnotations> ORDER = (a, b) -> {
    int c = a.labels.compareTo(b.labels);
    return c != 0 ? c : a.annotations.compareTo(b.annotations);
  };

  /**
   * The got alerts with each one's annotations cut down to those its expected counterpart (same
   * labels) lists, for Tocsin's {@code annotations_match: subset}; the result is sorted again.
   */
  static List<LabelsAndAnnotations> projectOnto(List<LabelsAndAnnotations> got, List<LabelsAndAnnotations> exp) {
    java.util.Map<Labels, Labels> keys = new java.util.HashMap<>();
    exp.forEach(e -> keys.put(e.labels, e.annotations));
    List<LabelsAndAnnotations> out = new java.util.ArrayList<>(got.size());
    for (LabelsAndAnnotations g : got) {
      Labels wanted = keys.get(g.labels);
      out.add(wanted == null ? g : new LabelsAndAnnotations(g.labels, g.annotations.keepOnly(wanted.names())));
    }
    out.sort(ORDER);
    return out;
  }

  /** promtool's list format: {@code []} or {@code [\n0:\n  Labels:…\n  Annotations:…\n]}. */
  static String format(List<LabelsAndAnnotations> list) {
    if (list.isEmpty()) {
      return "[]";
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(",\n");
      }
      LabelsAndAnnotations la = list.get(i);
      sb.append(i).append(':').append(indent("\nLabels:" + la.labels + "\nAnnotations:" + la.annotations, "  "));
    }
    return sb.append("\n]").toString();
  }

  /**
   * The list as promtool's {@code --diff} marshals it to JSON, a list of {@code {"Labels": {...},
   * "Annotations": {...}}}, with one empty alert standing in for an empty list.
   */
  static List<Object> toJson(List<LabelsAndAnnotations> list) {
    List<Object> out = new java.util.ArrayList<>();
    for (LabelsAndAnnotations la : list) {
      out.add(java.util.Map.of("Labels", la.labels.toMap(), "Annotations", la.annotations.toMap()));
    }
    if (out.isEmpty()) {
      out.add(java.util.Map.of("Labels", java.util.Map.of(), "Annotations", java.util.Map.of()));
    }
    return out;
  }

  /** Puts {@code indent} after every line break, as promtool's indentLines does. */
  static String indent(String lines, String indent) {
    return lines.replace("\n", "\n" + indent);
  }
}
