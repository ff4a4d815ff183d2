package dev.tocsin.notifier.config;

import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.notifier.template.NotificationTemplates;
import dev.tocsin.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a receiver's {@code email_configs} with Alertmanager's defaults, the global {@code smtp_*}
 * settings filling unset values, and Alertmanager's load-time errors ({@code missing to address in
 * email config}, {@code no global SMTP smarthost set}, duplicate headers). Template strings are
 * parsed at load so a syntax error is reported at its line instead of at the first notification.
 */
public final class EmailConfigReader {
  private static final String CHECK = "alertmanager/config";
  private static final Set<String> FIELDS = Set.of("send_resolved", "to", "from", "hello", "smarthost",
      "auth_username", "auth_password", "auth_password_file", "auth_secret", "auth_secret_file", "auth_identity",
      "headers", "html", "text", "require_tls", "force_implicit_tls", "tls_config");
  private static final Set<String> TLS_FIELDS =
      Set.of("ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify", "min_version", "max_version",
          "ca", "cert", "key");

  private final NodeReader reader;
  private final Map<String, String> smtp;
  private final Path baseDir;
  private final TlsSettings globalTls;
  private final NotificationTemplates syntax = NotificationTemplates.defaults();

  /**
   * A reader for one file.
   *
   * @param globalNode the file's {@code global:} node (for {@code smtp_tls_config}), or null
   * @param global the global settings already read
   * @param baseDir the folder relative {@code *_file} paths resolve against
   */
  public EmailConfigReader(NodeReader reader, Node globalNode, GlobalSettings global, Path baseDir) {
    this.reader = reader;
    this.smtp = global.smtp();
    this.baseDir = baseDir;
    Node tlsNode = null;
    if (globalNode instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("smtp_tls_config")) {
          tlsNode = t.getValueNode();
        }
      }
    }
    this.globalTls = tlsNode == null ? TlsSettings.DEFAULT : tls(tlsNode, TlsSettings.DEFAULT);
  }

  /** The email configurations of a receiver's {@code email_configs} node (null for none). */
  public List<EmailConfig> read(Node node) {
    List<EmailConfig> out = new ArrayList<>();
    for (Node n : reader.sequence(node, "[]*config.EmailConfig")) {
      EmailConfig c = one(n);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private EmailConfig one(Node node) {
    Map<String, NodeTuple> f = reader.mapping(node, "config.EmailConfig", FIELDS, false);
    int before = reader.errors().size();
    String to = text(f, "to", "");
    if (to.isEmpty()) {
      reader.error(CHECK, node, "missing to address in email config");
    }
    String from = text(f, "from", smtp.getOrDefault("smtp_from", ""));
    if (from.isEmpty()) {
      reader.error(CHECK, node, "no global SMTP from set");
    }
    String smarthost = text(f, "smarthost", smtp.getOrDefault("smtp_smarthost", ""));
    String host = "";
    int port = 0;
    if (smarthost.isEmpty()) {
      reader.error(CHECK, node, "no global SMTP smarthost set");
    } else {
      Node at = f.containsKey("smarthost") ? f.get("smarthost").getValueNode() : node;
      int colon = smarthost.lastIndexOf(':');
      host = colon < 0 ? smarthost : smarthost.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        port = colon < 0 ? -1 : Integer.parseInt(smarthost.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (colon < 0) {
        reader.error(CHECK, at, "address " + smarthost + ": missing port in address");
      } else if (port < 1 || port > 65535) {
        reader.error(CHECK, at, "invalid port in smarthost \"" + smarthost + "\"");
      }
    }
    String password = secret(f, "auth_password", smtp.get("smtp_auth_password"), smtp.get("smtp_auth_password_file"));
    String secret = secret(f, "auth_secret", smtp.get("smtp_auth_secret"), smtp.get("smtp_auth_secret_file"));
    Map<String, String> headers = headers(value(f, "headers"));
    headers.putIfAbsent("Subject", EmailConfig.DEFAULT_SUBJECT);
    headers.putIfAbsent("To", to);
    headers.putIfAbsent("From", from);
    String html = text(f, "html", EmailConfig.DEFAULT_HTML);
    String text = text(f, "text", EmailConfig.DEFAULT_TEXT);
    checkTemplate(f, "to", to);
    checkTemplate(f, "from", from);
    checkTemplate(f, "html", html);
    checkTemplate(f, "text", text);
    Boolean implicit = f.containsKey("force_implicit_tls") ? bool(value(f, "force_implicit_tls"), null)
        : smtp.containsKey("smtp_force_implicit_tls") ? Boolean.valueOf(smtp.get("smtp_force_implicit_tls")) : null;
    EmailConfig config = new EmailConfig(
        Boolean.TRUE.equals(bool(value(f, "send_resolved"), Boolean.FALSE)),
        to, from, host, port,
        text(f, "hello", smtp.getOrDefault("smtp_hello", "localhost")),
        text(f, "auth_username", smtp.getOrDefault("smtp_auth_username", "")),
        password, secret,
        text(f, "auth_identity", smtp.getOrDefault("smtp_auth_identity", "")),
        !Boolean.FALSE.equals(bool(value(f, "require_tls"),
            Boolean.valueOf(smtp.getOrDefault("smtp_require_tls", "true")))),
        implicit,
        f.containsKey("tls_config") ? tls(value(f, "tls_config"), globalTls) : globalTls,
        headers, html, text);
    return reader.errors().size() > before ? null : config;
  }

  private Map<String, String> headers(Node node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : reader.stringMap(node, "map[string]string").entrySet()) {
      String name = canonical(e.getKey());
      if (out.containsKey(name)) {
        reader.error(CHECK, e.getValue().getKeyNode(), "duplicate header \"" + name + "\" in email config");
        continue;
      }
      String v = reader.string(e.getValue().getValueNode());
      out.put(name, v);
      check(e.getValue().getValueNode(), v);
    }
    return out;
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code x-team} becomes {@code X-Team}. */
  static String canonical(String name) {
    if (name.isEmpty() || name.chars().anyMatch(c -> c == ' ' || c > 127)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return sb.toString();
  }

  private TlsSettings tls(Node node, TlsSettings defaults) {
    Map<String, NodeTuple> f = reader.mapping(node, "config.TLSConfig", TLS_FIELDS, false);
    for (String unsupported : List.of("cert_file", "key_file", "cert", "key", "ca", "server_name", "min_version",
        "max_version")) {
      if (f.containsKey(unsupported)) {
        reader.error(CHECK, f.get(unsupported).getKeyNode(),
            "tls_config: " + unsupported + " is not supported by Tocsin's email receiver");
      }
    }
    String caFile = text(f, "ca_file", defaults.caFile());
    if (!caFile.isEmpty()) {
      caFile = baseDir.resolve(caFile).toString();
    }
    return new TlsSettings(caFile, Boolean.TRUE.equals(bool(value(f, "insecure_skip_verify"), defaults.insecureSkipVerify())));
  }

  /** A secret given inline or as a file (not both), falling back to the global inline value or file. */
  private String secret(Map<String, NodeTuple> f, String key, String globalValue, String globalFile) {
    String fileKey = key + "_file";
    if (f.containsKey(key) && f.containsKey(fileKey)) {
      reader.error(CHECK, f.get(fileKey).getKeyNode(), "at most one of " + key + " & " + fileKey
          + " must be configured");
      return "";
    }
    if (f.containsKey(key)) {
      return text(f, key, "");
    }
    if (f.containsKey(fileKey)) {
      return readSecret(value(f, fileKey), text(f, fileKey, ""));
    }
    if (globalValue != null && !globalValue.isEmpty()) {
      return globalValue;
    }
    return globalFile == null || globalFile.isEmpty() ? "" : readSecret(null, globalFile);
  }

  private String readSecret(Node at, String file) {
    Path p = baseDir.resolve(file);
    try {
      // A trailing newline is an editor's, not part of the password.
      return Files.readString(p).stripTrailing();
    } catch (NoSuchFileException e) {
      reader.error(CHECK, at, "unable to read " + p + ": no such file or directory");
    } catch (IOException e) {
      reader.error(CHECK, at, "unable to read " + p + ": " + e.getMessage());
    }
    return "";
  }

  private void checkTemplate(Map<String, NodeTuple> f, String key, String template) {
    if (f.containsKey(key)) {
      check(value(f, key), template);
    }
  }

  private void check(Node node, String template) {
    try {
      syntax.check(template);
    } catch (TemplateException e) {
      reader.error(CHECK, node, e.getMessage());
    }
  }

  private String text(Map<String, NodeTuple> f, String key, String dflt) {
    Node n = value(f, key);
    if (NodeReader.isNull(n)) {
      return dflt;
    }
    String s = reader.string(n);
    return s == null ? dflt : s;
  }

  /** A YAML boolean, the default when absent, or null after reporting an error. */
  private Boolean bool(Node node, Boolean dflt) {
    if (NodeReader.isNull(node)) {
      return dflt;
    }
    String s = reader.string(node);
    if (s == null) {
      return null;
    }
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        reader.error("yaml/type", node, "cannot unmarshal " + NodeReader.yamlKind(node) + " `" + s + "` into bool");
        yield null;
      }
    };
  }

  private static Node value(Map<String, NodeTuple> f, String key) {
    NodeTuple t = f.get(key);
    return t == null ? null : t.getValueNode();
  }
}
