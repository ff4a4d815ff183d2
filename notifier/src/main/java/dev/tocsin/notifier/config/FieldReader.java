package dev.tocsin.notifier.config;

import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.NodeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Typed access to the fields of one alertmanager.yml mapping, reporting every bad value at its
 * position with Alertmanager's wording; values that fail come back as the default.
 */
final class FieldReader {
  static final String CHECK = "alertmanager/config";

  private final NodeReader reader;
  private final String file;
  private final Path baseDir;
  private final List<Diagnostic> problems;

  FieldReader(NodeReader reader, String file, Path baseDir, List<Diagnostic> problems) {
    this.reader = reader;
    this.file = file;
    this.baseDir = baseDir;
    this.problems = problems;
  }

  NodeReader reader() {
    return reader;
  }

  static Node value(Map<String, NodeTuple> fields, String key) {
    NodeTuple t = fields.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** A string field, or null when absent or bad. */
  String string(Map<String, NodeTuple> f, String key) {
    Node n = value(f, key);
    return NodeReader.isNull(n) ? null : reader.string(n);
  }

  /** A path field resolved against the file's folder, or null. */
  Path path(Map<String, NodeTuple> f, String key) {
    String s = string(f, key);
    return s == null || s.isEmpty() ? null : baseDir.resolve(s).normalize();
  }

  boolean bool(Map<String, NodeTuple> f, String key, boolean dflt) {
    Node n = value(f, key);
    if (NodeReader.isNull(n)) {
      return dflt;
    }
    String s = reader.string(n);
    if (s == null) {
      return dflt;
    }
    switch (s) {
      case "true", "True", "TRUE" -> {
        return true;
      }
      case "false", "False", "FALSE" -> {
        return false;
      }
      default -> {
        error(n, "cannot unmarshal " + NodeReader.yamlKind(n) + " `" + s + "` into bool");
        return dflt;
      }
    }
  }

  /** A non-negative integer field (Go's uint64). */
  int unsigned(Map<String, NodeTuple> f, String key, int dflt) {
    Node n = value(f, key);
    if (NodeReader.isNull(n)) {
      return dflt;
    }
    String s = reader.string(n);
    if (s != null && s.startsWith("-")) {
      error(n, "cannot unmarshal " + NodeReader.yamlKind(n) + " `" + s + "` into uint64");
      return dflt;
    }
    int before = reader.errors().size();
    int v = reader.integer(n);
    return reader.errors().size() > before ? dflt : v;
  }

  void error(Node node, String message) {
    problems.add(Diagnostic.error(CHECK, file, node == null ? null : reader.position(node), message));
  }
}
