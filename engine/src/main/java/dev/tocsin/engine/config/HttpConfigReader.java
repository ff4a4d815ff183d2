package dev.tocsin.engine.config;

import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.promql.http.HttpClientConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads Prometheus' {@code http_config} keys, which sit inline beside a datasource's or an
 * Alertmanager's own keys, into an {@link HttpClientConfig}, with the validation and messages of
 * Prometheus' common/config package. Keys Prometheus has but Tocsin does not implement are
 * reported as unsupported rather than unknown, so users see why.
 */
public final class HttpConfigReader {
  /** The http_config keys Tocsin implements. */
  public static final Set<String> KEYS = Set.of("basic_auth", "authorization", "bearer_token", "bearer_token_file",
      "http_headers", "tls_config", "proxy_url", "follow_redirects", "enable_http2");

  /** The http_config keys Prometheus has and Tocsin rejects as unsupported. */
  public static final Set<String> UNSUPPORTED = Set.of("oauth2", "sigv4", "azuread", "google_iam", "no_proxy",
      "proxy_from_environment", "proxy_connect_header");

  /** Every key an http_config may hold, for a caller's known-key set. */
  public static final Set<String> ALL_KEYS = union(KEYS, UNSUPPORTED);

  // Headers Prometheus refuses to let a configuration set: they change the connection or are set
  // by the client itself.
  private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-encoding",
      "content-length", "content-type", "user-agent", "connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "www-authenticate", "accept-encoding", "x-prometheus-remote-write-version",
      "x-prometheus-remote-read-version", "x-prometheus-scrape-timeout-seconds", "x-amz-date",
      "x-amz-security-token", "x-amz-content-sha256");

  private static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");
  private static final Set<String> PROXY_SCHEMES = Set.of("http", "https", "socks5");

  private final ConfigFields fields;
  private final NodeReader reader;

  public HttpConfigReader(ConfigFields fields) {
    this.fields = fields;
    this.reader = fields.reader();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  /**
   * Reads the http_config keys among a mapping's fields (other keys are the caller's); returns
   * {@code null} after reporting an error.
   */
  public HttpClientConfig read(Map<String, NodeTuple> f) {
    int before = reader.errors().size();
    for (String key : UNSUPPORTED) {
      NodeTuple t = f.get(key);
      if (t != null) {
        reader.error("config/unsupported", t.getKeyNode(), "field " + key + " is not supported by Tocsin");
      }
    }
    HttpClientConfig.BasicAuth basic = basicAuth(f);
    HttpClientConfig.Authorization auth = authorization(f);
    Map<String, HttpClientConfig.Header> headers = headers(f);
    HttpClientConfig.TlsConfig tls = tls(f);
    String proxy = fields.url(f, "proxy_url", PROXY_SCHEMES);
    boolean followRedirects = fields.bool(f, "follow_redirects", true);
    boolean http2 = fields.bool(f, "enable_http2", true);
    if (basic != null && auth != null) {
      Node at = keyNode(f, "authorization", "bearer_token", "bearer_token_file");
      reader.error("config/http", at, f.containsKey("authorization")
          ? "at most one of basic_auth, oauth2 & authorization must be configured"
          : "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
    }
    if (reader.errors().size() > before) {
      return null;
    }
    return new HttpClientConfig(basic, auth, headers, tls, proxy, followRedirects, http2);
  }

  private HttpClientConfig.BasicAuth basicAuth(Map<String, NodeTuple> f) {
    Node n = ConfigFields.value(f, "basic_auth");
    if (n == null) {
      return null;
    }
    Map<String, NodeTuple> b = reader.mapping(n, "config.BasicAuth",
        Set.of("username", "username_file", "password", "password_file", "username_ref", "password_ref"), false);
    unsupported(b, "username_ref", "password_ref");
    atMostOne(b, "basic_auth username & username_file", "username", "username_file");
    atMostOne(b, "basic_auth password & password_file", "password", "password_file");
    return new HttpClientConfig.BasicAuth(fields.nonEmptyString(b, "username"), fields.existingFile(b, "username_file"),
        fields.nonEmptyString(b, "password"), fields.existingFile(b, "password_file"));
  }

  private HttpClientConfig.Authorization authorization(Map<String, NodeTuple> f) {
    Node n = ConfigFields.value(f, "authorization");
    String token = fields.nonEmptyString(f, "bearer_token");
    Path tokenFile = fields.existingFile(f, "bearer_token_file");
    if (token != null && tokenFile != null) {
      reader.error("config/http", f.get("bearer_token_file").getKeyNode(),
          "at most one of bearer_token & bearer_token_file must be configured");
    }
    if (n == null) {
      // The legacy keys are shorthand for a Bearer authorization, as in Prometheus.
      return token == null && tokenFile == null ? null : new HttpClientConfig.Authorization("Bearer", token, tokenFile);
    }
    if (f.containsKey("bearer_token") || f.containsKey("bearer_token_file")) {
      reader.error("config/http", f.get("authorization").getKeyNode(),
          "authorization is not compatible with bearer_token & bearer_token_file");
    }
    Map<String, NodeTuple> a = reader.mapping(n, "config.Authorization",
        Set.of("type", "credentials", "credentials_file", "credentials_ref"), false);
    unsupported(a, "credentials_ref");
    atMostOne(a, "authorization credentials & credentials_file", "credentials", "credentials_file");
    String type = fields.string(a, "type");
    type = type == null ? "" : type.strip();
    if (type.equalsIgnoreCase("basic")) {
      reader.error("config/http", ConfigFields.value(a, "type"),
          "authorization type cannot be set to \"basic\", use \"basic_auth\" instead");
    }
    return new HttpClientConfig.Authorization(type, fields.nonEmptyString(a, "credentials"),
        fields.existingFile(a, "credentials_file"));
  }

  private Map<String, HttpClientConfig.Header> headers(Map<String, NodeTuple> f) {
    Node n = ConfigFields.value(f, "http_headers");
    Map<String, HttpClientConfig.Header> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : reader.mapping(n, "config.Headers", null, true).entrySet()) {
      String name = e.getKey();
      Node keyNode = e.getValue().getKeyNode();
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED_HEADERS.contains(lower)) {
        reader.error("config/http", keyNode, "setting header \"" + canonical(name) + "\" is not allowed");
        continue;
      }
      if (seen.put(lower, name) != null) {
        reader.error("config/http", keyNode, "header \"" + canonical(name) + "\" is defined more than once");
        continue;
      }
      Map<String, NodeTuple> h = reader.mapping(e.getValue().getValueNode(), "config.Header",
          Set.of("values", "secrets", "files"), false);
      List<Path> files = new ArrayList<>();
      NodeTuple filesField = h.get("files");
      if (filesField != null) {
        for (Node fn : reader.sequence(filesField.getValueNode(), "[]string")) {
          Path p = fields.existingFile(fn, "files");
          if (p != null) {
            files.add(p);
          }
        }
      }
      out.put(name, new HttpClientConfig.Header(strings(h.get("values")), strings(h.get("secrets")), files));
    }
    return out;
  }

  private List<String> strings(NodeTuple field) {
    List<String> out = new ArrayList<>();
    if (field != null) {
      for (Node v : reader.sequence(field.getValueNode(), "[]string")) {
        String s = reader.string(v);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private HttpClientConfig.TlsConfig tls(Map<String, NodeTuple> f) {
    Node n = ConfigFields.value(f, "tls_config");
    if (n == null) {
      return null;
    }
    Map<String, NodeTuple> t = reader.mapping(n, "config.TLSConfig", Set.of("ca_file", "cert_file", "key_file",
        "server_name", "insecure_skip_verify", "min_version", "ca", "cert", "key", "ca_ref", "cert_ref", "key_ref",
        "max_version", "next_protos"), false);
    unsupported(t, "ca", "cert", "key", "ca_ref", "cert_ref", "key_ref", "max_version", "next_protos");
    boolean cert = ConfigFields.value(t, "cert_file") != null;
    boolean key = ConfigFields.value(t, "key_file") != null;
    if (cert && !key) {
      reader.error("config/http", t.get("cert_file").getKeyNode(),
          "exactly one of key or key_file must be configured when a client certificate is configured");
    } else if (key && !cert) {
      reader.error("config/http", t.get("key_file").getKeyNode(),
          "exactly one of cert or cert_file must be configured when a client key is configured");
    }
    String min = fields.nonEmptyString(t, "min_version");
    if (min != null && !TLS_VERSIONS.contains(min)) {
      reader.error("config/http", ConfigFields.value(t, "min_version"), "unknown TLS version: " + min);
    }
    Path certFile = fields.existingFile(t, "cert_file");
    Path keyFile = fields.existingFile(t, "key_file");
    if ((certFile == null) != (keyFile == null)) {
      return null;
    }
    return new HttpClientConfig.TlsConfig(fields.existingFile(t, "ca_file"), certFile, keyFile,
        fields.nonEmptyString(t, "server_name"), fields.bool(t, "insecure_skip_verify", false), min);
  }

  private void unsupported(Map<String, NodeTuple> f, String... keys) {
    for (String k : keys) {
      NodeTuple t = f.get(k);
      if (t != null) {
        reader.error("config/unsupported", t.getKeyNode(), "field " + k + " is not supported by Tocsin");
      }
    }
  }

  private void atMostOne(Map<String, NodeTuple> f, String what, String a, String b) {
    if (ConfigFields.value(f, a) != null && ConfigFields.value(f, b) != null) {
      reader.error("config/http", f.get(b).getKeyNode(), "at most one of " + what + " must be configured");
    }
  }

  private static Node keyNode(Map<String, NodeTuple> f, String... keys) {
    for (String k : keys) {
      if (f.containsKey(k)) {
        return f.get(k).getKeyNode();
      }
    }
    return null;
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey} for the names in messages. */
  static String canonical(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return sb.toString();
  }
}
