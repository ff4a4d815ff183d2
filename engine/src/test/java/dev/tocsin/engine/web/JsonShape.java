package dev.tocsin.engine.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a JSON document: every key path ({@code data.groups[].rules[].alerts[].labels})
 * with the JSON node types seen there, array elements merged.
 */
final class JsonShape {
  private JsonShape() {}

  /** Path to the set of node types ({@code object}, {@code array}, {@code string}, ...) found at it. */
  static Map<String, Set<String>> of(JsonNode root) {
    Map<String, Set<String>> out = new TreeMap<>();
    walk(root, "$", out);
    return out;
  }

  private static void walk(JsonNode n, String path, Map<String, Set<String>> out) {
    out.computeIfAbsent(path, p -> new TreeSet<>()).add(n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    if (n.isObject()) {
      // Labels and annotations are maps of the user's names: their keys are data, not shape.
      boolean map = path.endsWith(".labels") || path.endsWith(".annotations");
      n.fields().forEachRemaining(e -> walk(e.getValue(), path + (map ? ".*" : "." + e.getKey()), out));
    } else if (n.isArray()) {
      n.forEach(e -> walk(e, path + "[]", out));
    }
  }
}
