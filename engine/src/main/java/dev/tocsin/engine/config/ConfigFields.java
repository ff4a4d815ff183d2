package dev.tocsin.engine.config;

import dev.tocsin.model.yaml.NodeReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of a configuration file's fields (URLs, durations, paths relative to the file's
 * folder, booleans), each reporting a positioned error through a {@link NodeReader} and returning
 * {@code null} when the value is absent or wrong.
 */
public final class ConfigFields {
  private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");

  private final NodeReader reader;
  private final Path baseDir;

  /**
   * @param baseDir the folder relative paths resolve from (the config file's), or {@code null}
   *     for the working directory
   */
  public ConfigFields(NodeReader reader, Path baseDir) {
    this.reader = reader;
    this.baseDir = baseDir;
  }

  /** The reader errors are reported through. */
  public NodeReader reader() {
    return reader;
  }

  /** The value node of a field, or {@code null} when the field is absent or YAML null. */
  public static Node value(Map<String, NodeTuple> fields, String key) {
    NodeTuple t = fields.get(key);
    return t == null || NodeReader.isNull(t.getValueNode()) ? null : t.getValueNode();
  }

  /** A string field, {@code null} when absent or after reporting a non-scalar. */
  public String string(Map<String, NodeTuple> fields, String key) {
    Node n = value(fields, key);
    return n == null ? null : reader.string(n);
  }

  /** A string field where the empty string means absent. */
  public String nonEmptyString(Map<String, NodeTuple> fields, String key) {
    String s = string(fields, key);
    return s == null || s.isEmpty() ? null : s;
  }

  /** A duration field, {@code fallback} when absent; {@code null} after an error. */
  public Duration duration(Map<String, NodeTuple> fields, String key, Duration fallback, boolean positive) {
    Node n = value(fields, key);
    if (n == null) {
      return fallback;
    }
    Duration d = reader.duration(n);
    if (d == null) {
      return null;
    }
    if (positive && d.isZero()) {
      reader.error("config/duration", n, key + " must be greater than 0s");
      return null;
    }
    return d;
  }

  /** A boolean field ({@code true}/{@code false} in any case, as YAML 1.2), {@code fallback} when absent. */
  public boolean bool(Map<String, NodeTuple> fields, String key, boolean fallback) {
    Node n = value(fields, key);
    if (n == null) {
      return fallback;
    }
    if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return s.getValue().toLowerCase(Locale.ROOT).equals("true");
    }
    String text = n instanceof ScalarNode s ? " `" + s.getValue() + "`" : "";
    reader.error("yaml/type", n, "cannot unmarshal " + NodeReader.yamlKind(n) + text + " into bool");
    return fallback;
  }

  /** An http or https URL with a host; {@code null} when absent or after reporting. */
  public String httpUrl(Map<String, NodeTuple> fields, String key) {
    return url(fields, key, HTTP_SCHEMES);
  }

  /** A URL whose scheme is one of {@code schemes} and which names a host. */
  public String url(Map<String, NodeTuple> fields, String key, Set<String> schemes) {
    Node n = value(fields, key);
    String s = n == null ? null : reader.string(n);
    if (s == null) {
      return null;
    }
    String problem = urlProblem(s, schemes);
    if (problem != null) {
      reader.error("config/url", n, "invalid " + key + " \"" + s + "\": " + problem);
      return null;
    }
    return s;
  }

  private static String urlProblem(String s, Set<String> schemes) {
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      return e.getReason() + " at index " + e.getIndex();
    }
    String scheme = u.getScheme();
    if (scheme == null) {
      return "missing scheme (" + String.join(" or ", schemes.stream().sorted().toList()) + ")";
    }
    if (!schemes.contains(scheme.toLowerCase(Locale.ROOT))) {
      return "scheme \"" + scheme + "\" is not " + String.join(" or ", schemes.stream().sorted().toList());
    }
    // A host with an underscore (common in Docker Compose) is a "registry" authority to URI.
    String host = u.getHost() != null ? u.getHost() : hostOfAuthority(u.getRawAuthority());
    if (host == null || host.isEmpty()) {
      return "missing host";
    }
    return null;
  }

  private static String hostOfAuthority(String authority) {
    if (authority == null) {
      return null;
    }
    String a = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = a.lastIndexOf(':');
    return colon >= 0 ? a.substring(0, colon) : a;
  }

  /** A path field resolved against the config file's folder, not checked for existence. */
  public Path path(Map<String, NodeTuple> fields, String key) {
    return path(value(fields, key), key);
  }

  /** A path resolved against the config file's folder; {@code null} when absent, empty or invalid. */
  public Path path(Node n, String key) {
    String s = n == null ? null : reader.string(n);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return resolve(s);
    } catch (InvalidPathException e) {
      reader.error("config/file", n, key + " \"" + s + "\" is not a valid path: " + e.getReason());
      return null;
    }
  }

  /** A path field that must name an existing, readable regular file. */
  public Path existingFile(Map<String, NodeTuple> fields, String key) {
    return existingFile(value(fields, key), key);
  }

  /** A path that must name an existing, readable regular file; {@code null} after reporting. */
  public Path existingFile(Node n, String key) {
    Path p = path(n, key);
    if (p == null) {
      return null;
    }
    String problem = fileProblem(p);
    if (problem != null) {
      reader.error("config/file", n, key + " " + p + " " + problem);
      return null;
    }
    return p;
  }

  /** Why a path is not a readable regular file, or {@code null} when it is. */
  static String fileProblem(Path p) {
    if (!Files.exists(p)) {
      return "does not exist";
    }
    if (Files.isDirectory(p)) {
      return "is a directory, not a file";
    }
    if (!Files.isReadable(p)) {
      return "is not readable";
    }
    return null;
  }

  /** A path from the config resolved against its folder, as Prometheus' {@code JoinDir}. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return (baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p)).normalize();
  }
}
