package dev.tocsin.model.yaml;

import dev.tocsin.model.PromDuration;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Decodes YAML nodes into plain values the way Go's yaml.v3 decodes into Prometheus' structs:
 * strict about unknown fields and types, with merge keys ({@code <<}), and collecting every error
 * with its position instead of stopping at the first.
 */
public final class NodeReader {
  private final YamlDocument doc;
  private final String file;
  private final List<Diagnostic> errors = new ArrayList<>();

  public NodeReader(YamlDocument doc, String file) {
    this.doc = doc;
    this.file = file;
  }

  /** The errors found so far. */
  public List<Diagnostic> errors() {
    return errors;
  }

  /** The document being read. */
  public YamlDocument document() {
    return doc;
  }

  /** Records an error at a node. */
  public void error(String checkId, Node node, String message) {
    errors.add(Diagnostic.error(checkId, file, node == null ? null : doc.positionOf(node), message));
  }

  /** Whether a node is YAML null ({@code ~}, {@code null} or empty). */
  public static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
  }

  /**
   * The entries of a mapping node with merge keys resolved, keyed by the key's text. Keys outside
   * {@code known} are reported as yaml.v3 does, unless {@code ignoreUnknown}. Returns an empty map
   * (after reporting) when the node is not a mapping.
   */
  public Map<String, NodeTuple> mapping(Node node, String goType, Set<String> known, boolean ignoreUnknown) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    if (isNull(node)) {
      return out;
    }
    if (!(node instanceof MappingNode m)) {
      error("yaml/type", node, "cannot unmarshal " + yamlKind(node) + " into " + goType);
      return out;
    }
    collect(m, goType, known, ignoreUnknown, out, 0);
    return out;
  }

  private void collect(
      MappingNode m, String goType, Set<String> known, boolean ignoreUnknown, Map<String, NodeTuple> out, int depth) {
    List<NodeTuple> merges = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (k instanceof ScalarNode mk && mk.isPlain() && mk.getValue().equals("<<")) {
        merges.add(t);
        continue;
      }
      if (!(k instanceof ScalarNode ks)) {
        error("yaml/type", k, "mapping keys must be scalars in " + goType);
        continue;
      }
      String key = ks.getValue();
      NodeTuple previous = out.get(key);
      if (previous != null && depth == 0) {
        error("yaml/duplicate-key", k, "mapping key \"" + key + "\" already defined at line "
            + position(previous.getKeyNode()).line());
        continue;
      }
      if (!ignoreUnknown && known != null && !known.contains(key)) {
        error("yaml/unknown-field", k, "field " + key + " not found in type " + goType);
        continue;
      }
      out.put(key, t);
    }
    // Merged entries never override keys written in the mapping itself.
    for (NodeTuple t : merges) {
      Node v = t.getValueNode();
      List<Node> sources = v instanceof SequenceNode s ? s.getValue() : List.of(v);
      for (Node src : sources) {
        if (!(src instanceof MappingNode sm) || depth > 32) {
          error("yaml/type", src, "map merge requires map or sequence of maps as the value");
          continue;
        }
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        collect(sm, goType, known, ignoreUnknown, merged, depth + 1);
        merged.forEach(out::putIfAbsent);
      }
    }
  }

  /** The elements of a sequence node, or none (after reporting) when it is not a sequence. */
  public List<Node> sequence(Node node, String goType) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode s)) {
      error("yaml/type", node, "cannot unmarshal " + yamlKind(node) + " into " + goType);
      return List.of();
    }
    return s.getValue();
  }

  /** A scalar's text ("" for null), or {@code null} (after reporting) for a collection. */
  public String string(Node node) {
    if (isNull(node)) {
      return "";
    }
    if (!(node instanceof ScalarNode s)) {
      error("yaml/type", node, "cannot unmarshal " + yamlKind(node) + " into string");
      return null;
    }
    return s.getValue();
  }

  /** A Prometheus duration, {@code null} when absent or null, or {@code null} after reporting an error. */
  public Duration duration(Node node) {
    if (isNull(node)) {
      return null;
    }
    String s = string(node);
    if (s == null) {
      return null;
    }
    try {
      return PromDuration.parse(s);
    } catch (IllegalArgumentException e) {
      error("yaml/duration", node, e.getMessage());
      return null;
    }
  }

  /** An integer, 0 when absent. */
  public int integer(Node node) {
    if (isNull(node)) {
      return 0;
    }
    String s = string(node);
    if (s == null) {
      return 0;
    }
    try {
      String t = s.replace("_", "");
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return Integer.parseInt(t.substring(2), 16);
      }
      return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      error("yaml/type", node, "cannot unmarshal " + yamlKind(node) + " `" + s + "` into int");
      return 0;
    }
  }

  /** A map of string to string with the key and value nodes kept for positions. */
  public Map<String, NodeTuple> stringMap(Node node, String goType) {
    Map<String, NodeTuple> entries = mapping(node, goType, null, true);
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (string(e.getValue().getValueNode()) != null) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** The position of a node. */
  public Position position(Node node) {
    return doc.positionOf(node);
  }

  /** yaml.v3's short tag of a node, as its unmarshal errors name it. */
  public static String yamlKind(Node node) {
    if (node instanceof MappingNode) {
      return "!!map";
    }
    if (node instanceof SequenceNode) {
      return "!!seq";
    }
    Tag t = node.getTag();
    if (t.equals(Tag.INT)) {
      return "!!int";
    }
    if (t.equals(Tag.FLOAT)) {
      return "!!float";
    }
    if (t.equals(Tag.BOOL)) {
      return "!!bool";
    }
    return "!!str";
  }
}
