package dev.tocsin.notifier.config;

import dev.tocsin.model.yaml.NodeReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Reads an {@code http_config} block of an alertmanager.yml into {@link HttpSettings}. */
final class HttpSettingsReader {
  static final Set<String> FIELDS = Set.of("basic_auth", "authorization", "oauth2", "bearer_token",
      "bearer_token_file", "tls_config", "follow_redirects", "enable_http2", "proxy_url", "no_proxy",
      "proxy_from_environment", "proxy_connect_header", "http_headers");
  private static final Set<String> UNSUPPORTED = Set.of("oauth2", "no_proxy", "proxy_from_environment",
      "proxy_connect_header");
  private static final Set<String> BASIC_FIELDS = Set.of("username", "username_file", "password", "password_file");
  private static final Set<String> AUTH_FIELDS = Set.of("type", "credentials", "credentials_file");
  private static final Set<String> TLS_FIELDS = Set.of("ca", "ca_file", "cert", "cert_file", "key", "key_file",
      "server_name", "insecure_skip_verify", "min_version", "max_version");
  private static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");

  private final FieldReader fields;
  private final NodeReader reader;

  HttpSettingsReader(FieldReader fields) {
    this.fields = fields;
    this.reader = fields.reader();
  }

  /** The settings of a node, or {@code dflt} when the node is absent. */
  HttpSettings read(Node node, HttpSettings dflt) {
    if (NodeReader.isNull(node)) {
      return dflt;
    }
    Map<String, NodeTuple> f = reader.mapping(node, "config.HTTPClientConfig", FIELDS, false);
    for (String key : UNSUPPORTED) {
      if (f.containsKey(key)) {
        fields.error(f.get(key).getKeyNode(), "field " + key + " is not supported by Tocsin");
      }
    }
    HttpSettings.BasicAuth basic = null;
    Node b = FieldReader.value(f, "basic_auth");
    if (!NodeReader.isNull(b)) {
      Map<String, NodeTuple> bf = reader.mapping(b, "config.BasicAuth", BASIC_FIELDS, false);
      if (bf.containsKey("username_file")) {
        fields.error(bf.get("username_file").getKeyNode(), "field username_file is not supported by Tocsin");
      }
      Path pf = fields.path(bf, "password_file");
      if (pf != null && bf.containsKey("password")) {
        fields.error(b, "at most one of basic_auth password & password_file must be configured");
      }
      basic = new HttpSettings.BasicAuth(nonNull(fields.string(bf, "username")), fields.string(bf, "password"), pf);
    }
    HttpSettings.Authorization auth = null;
    Node a = FieldReader.value(f, "authorization");
    if (!NodeReader.isNull(a)) {
      Map<String, NodeTuple> af = reader.mapping(a, "config.Authorization", AUTH_FIELDS, false);
      String type = fields.string(af, "type");
      if (type != null && type.equalsIgnoreCase("basic")) {
        fields.error(a, "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
      }
      Path cf = fields.path(af, "credentials_file");
      if (cf != null && af.containsKey("credentials")) {
        fields.error(a, "at most one of authorization credentials & credentials_file must be configured");
      }
      auth = new HttpSettings.Authorization(type == null || type.isEmpty() ? "Bearer" : type,
          fields.string(af, "credentials"), cf);
    }
    String bearer = fields.string(f, "bearer_token");
    Path bearerFile = fields.path(f, "bearer_token_file");
    if (bearer != null || bearerFile != null) {
      if (auth != null) {
        fields.error(node, "at most one of bearer_token, bearer_token_file & authorization must be configured");
      }
      auth = new HttpSettings.Authorization("Bearer", bearer, bearerFile);
    }
    if (basic != null && auth != null) {
      fields.error(node, "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    }
    HttpSettings.Tls tls = tls(FieldReader.value(f, "tls_config"));
    Map<String, String> headers = new LinkedHashMap<>();
    Node h = FieldReader.value(f, "http_headers");
    if (!NodeReader.isNull(h)) {
      fields.error(f.get("http_headers").getKeyNode(), "field http_headers is not supported by Tocsin");
    }
    String proxy = fields.string(f, "proxy_url");
    if (proxy != null && !proxy.isEmpty() && !proxy.matches("(?i)(https?|socks5)://.+")) {
      fields.error(FieldReader.value(f, "proxy_url"), "unsupported proxy URL \"" + proxy + "\"");
      proxy = null;
    }
    return new HttpSettings(basic, auth, tls, proxy == null || proxy.isEmpty() ? null : proxy,
        fields.bool(f, "follow_redirects", true), fields.bool(f, "enable_http2", true), headers);
  }

  private HttpSettings.Tls tls(Node node) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    Map<String, NodeTuple> f = reader.mapping(node, "config.TLSConfig", TLS_FIELDS, false);
    for (String inline : new String[] {"ca", "cert", "key", "max_version"}) {
      if (f.containsKey(inline)) {
        fields.error(f.get(inline).getKeyNode(), "field " + inline + " is not supported by Tocsin; use the _file form");
      }
    }
    Path cert = fields.path(f, "cert_file");
    Path key = fields.path(f, "key_file");
    if ((cert == null) != (key == null)) {
      fields.error(node, cert == null ? "exactly one of key or key_file must be configured when a client certificate"
          + " is configured" : "exactly one of cert or cert_file must be configured when a client key is configured");
    }
    String min = fields.string(f, "min_version");
    if (min != null && !min.isEmpty() && !TLS_VERSIONS.contains(min)) {
      fields.error(FieldReader.value(f, "min_version"), "unknown TLS version: " + min);
      min = null;
    }
    return new HttpSettings.Tls(fields.path(f, "ca_file"), cert, key, fields.string(f, "server_name"),
        fields.bool(f, "insecure_skip_verify", false), min == null || min.isEmpty() ? null : min);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
