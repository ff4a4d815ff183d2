package dev.tocsin.engine.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import dev.tocsin.engine.config.ConfigFields;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import dev.tocsin.model.yaml.YamlLimits;
import dev.tocsin.promql.http.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads a web config file in the format of Prometheus' exporter-toolkit ({@code tls_server_config},
 * {@code http_server_config}, {@code basic_auth_users}) strictly: unknown keys, missing or
 * unreadable certificate files, a key that does not match its certificate and malformed bcrypt
 * hashes are errors at file:line:column. Relative paths resolve from the file's folder, as in
 * Prometheus.
 */
public final class WebConfigLoader {
  private static final YamlLimits LIMITS = new YamlLimits(1024 * 1024, 100);
  private static final char[] NO_PASSWORD = new char[0];
  private static final Set<String> TOP = Set.of("tls_server_config", "http_server_config", "basic_auth_users");
  private static final Set<String> TLS = Set.of("cert_file", "key_file", "client_auth_type", "client_ca_file",
      "min_version", "max_version", "cipher_suites", "curve_preferences", "prefer_server_cipher_suites",
      "client_allowed_sans", "cert", "key");
  /** Keys exporter-toolkit knows that Tocsin's JDK server does not honour; refused rather than ignored. */
  private static final Set<String> UNSUPPORTED_TLS = Set.of("cipher_suites", "curve_preferences",
      "prefer_server_cipher_suites", "client_allowed_sans", "cert", "key");
  private static final Set<String> HTTP = Set.of("http2", "headers");
  /** The headers exporter-toolkit lets a web config set. */
  private static final Set<String> HEADERS = Set.of("Content-Security-Policy", "X-Frame-Options",
      "X-Content-Type-Options", "X-XSS-Protection", "Strict-Transport-Security");
  private static final Map<String, String> VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");

  /** A loaded web config, or {@code null} with every error found. */
  public record Result(WebConfig config, List<Diagnostic> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  /** Loads a file; every problem is a diagnostic, never an exception. */
  public Result load(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        return failed(name, "read " + name + ": is a directory");
      }
      if (Files.size(file) > LIMITS.maxFileBytes()) {
        return failed(name, "file is over the limit of " + LIMITS.maxFileBytes() + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return failed(name, "open " + name + ": no such file or directory");
    } catch (IOException | SecurityException e) {
      return failed(name, "read " + name + ": " + e.getMessage());
    }
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, LIMITS);
    } catch (YamlException e) {
      return new Result(null, List.of(Diagnostic.error("yaml/syntax", name, e.position(), e.getMessage())));
    }
    return new Decoder(file, doc).decode();
  }

  private static Result failed(String name, String message) {
    return new Result(null, List.of(Diagnostic.error("web/file", name, null, message)));
  }

  /** One file's decoding. */
  private static final class Decoder {
    private final NodeReader reader;
    private final ConfigFields fields;
    private final YamlDocument doc;

    Decoder(Path file, YamlDocument doc) {
      this.doc = doc;
      this.reader = new NodeReader(doc, file.toString());
      this.fields = new ConfigFields(reader, file.toAbsolutePath().getParent());
    }

    Result decode() {
      Map<String, NodeTuple> top = reader.mapping(doc.root(), "web.Config", TOP, false);
      WebConfig.Tls tls = tls(top.get("tls_server_config"));
      Map<String, String> headers = headers(ConfigFields.value(top, "http_server_config"));
      Map<String, String> users = users(ConfigFields.value(top, "basic_auth_users"));
      if (!reader.errors().isEmpty()) {
        return new Result(null, reader.errors());
      }
      return new Result(new WebConfig(tls, users, headers), List.of());
    }

    private WebConfig.Tls tls(NodeTuple entry) {
      if (entry == null || NodeReader.isNull(entry.getValueNode())) {
        return null;
      }
      Node node = entry.getValueNode();
      Map<String, NodeTuple> m = reader.mapping(node, "web.TLSConfig", TLS, false);
      for (String key : m.keySet()) {
        if (UNSUPPORTED_TLS.contains(key)) {
          reader.error("web/unsupported", m.get(key).getKeyNode(), key + " is not supported by Tocsin");
        }
      }
      Path certFile = requiredFile(m, "cert_file", entry.getKeyNode());
      Path keyFile = requiredFile(m, "key_file", entry.getKeyNode());
      WebConfig.ClientAuth clientAuth = WebConfig.ClientAuth.NO_CLIENT_CERT;
      String authType = fields.nonEmptyString(m, "client_auth_type");
      if (authType != null) {
        clientAuth = WebConfig.ClientAuth.byId(authType);
        if (clientAuth == null) {
          reader.error("web/tls", ConfigFields.value(m, "client_auth_type"), "invalid client_auth_type \"" + authType
              + "\": want NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven or "
              + "RequireAndVerifyClientCert");
          clientAuth = WebConfig.ClientAuth.NO_CLIENT_CERT;
        }
      }
      Path caFile = fields.existingFile(m, "client_ca_file");
      if (clientAuth.verify() && caFile == null && ConfigFields.value(m, "client_ca_file") == null) {
        reader.error("web/tls", entry.getKeyNode(), "client_auth_type " + clientAuth.id()
            + " needs client_ca_file, the CAs client certificates are checked against");
      }
      int min = version(m, "min_version", 2);
      int max = version(m, "max_version", 3);
      if (min > max) {
        reader.error("web/tls", ConfigFields.value(m, "max_version"), "max_version " + ORDER.get(max)
            + " is below min_version " + ORDER.get(min));
      }
      if (certFile == null || keyFile == null || !reader.errors().isEmpty()) {
        return null;
      }
      try {
        SSLContext ctx = context(certFile, keyFile, clientAuth, caFile);
        List<String> protocols = new ArrayList<>();
        for (int i = min; i <= max; i++) {
          protocols.add(VERSIONS.get(ORDER.get(i)));
        }
        return new WebConfig.Tls(ctx, clientAuth, protocols);
      } catch (IllegalArgumentException e) {
        reader.error("web/tls", ConfigFields.value(m, "cert_file"), e.getMessage());
        return null;
      }
    }

    private Path requiredFile(Map<String, NodeTuple> m, String key, Node parent) {
      if (ConfigFields.value(m, key) == null) {
        reader.error("web/tls", parent, "missing " + key);
        return null;
      }
      return fields.existingFile(m, key);
    }

    /** The index in {@link #ORDER} of a version field, {@code fallback} when absent. */
    private int version(Map<String, NodeTuple> m, String key, int fallback) {
      String v = fields.nonEmptyString(m, key);
      if (v == null) {
        return fallback;
      }
      int i = ORDER.indexOf(v);
      if (i < 0) {
        reader.error("web/tls", ConfigFields.value(m, key), "unknown TLS version: " + v
            + " (want TLS10, TLS11, TLS12 or TLS13)");
        return fallback;
      }
      return i;
    }

    private Map<String, String> headers(Node node) {
      Map<String, String> out = new LinkedHashMap<>();
      Map<String, NodeTuple> m = reader.mapping(node, "web.HTTPConfig", HTTP, false);
      fields.bool(m, "http2", true);
      for (Map.Entry<String, NodeTuple> e : reader.stringMap(ConfigFields.value(m, "headers"), "map[string]string")
          .entrySet()) {
        String value = reader.string(e.getValue().getValueNode());
        if (!HEADERS.contains(e.getKey())) {
          reader.error("web/header", e.getValue().getKeyNode(), "HTTP header " + e.getKey()
              + " can not be customized; allowed: " + String.join(", ", HEADERS.stream().sorted().toList()));
        } else if (value != null) {
          out.put(e.getKey(), value);
        }
      }
      return out;
    }

    private Map<String, String> users(Node node) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, NodeTuple> e : reader.stringMap(node, "map[string]config.Secret").entrySet()) {
        Node value = e.getValue().getValueNode();
        String hash = reader.string(value);
        if (hash == null) {
          continue;
        }
        try {
          BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8));
          out.put(e.getKey(), hash);
        } catch (IllegalBCryptFormatException | RuntimeException ex) {
          // The hash itself stays out of the message: it is a secret too.
          reader.error("web/bcrypt", value, "the password hash of user \"" + e.getKey()
              + "\" is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters of salt and hash)");
        }
      }
      return out;
    }
  }

  /** A server context with the PEM certificate chain and key, trusting {@code caFile} for client certificates. */
  private static SSLContext context(Path certFile, Path keyFile, WebConfig.ClientAuth clientAuth, Path caFile) {
    List<X509Certificate> chain = Pem.certificates(certFile, "cert_file");
    PrivateKey key = Pem.privateKey(keyFile, "key_file");
    if (!matches(key, chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException("key_file " + keyFile + " does not hold the private key of cert_file "
          + certFile);
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, NO_PASSWORD);
      TrustManager[] trust;
      if (clientAuth.verify() && caFile != null) {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        int i = 0;
        for (X509Certificate c : Pem.certificates(caFile, "client_ca_file")) {
          cas.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(cas);
        trust = tmf.getTrustManagers();
      } else {
        // Without verification any client certificate is taken, as Go's RequestClientCert and RequireAnyClientCert.
        trust = new TrustManager[] {new AnyClientCertificate()};
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), trust, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS with cert_file " + certFile + ": " + e.getMessage(), e);
    }
  }

  /** Whether the private key signs what the certificate's public key verifies, as Go's {@code X509KeyPair} checks. */
  private static boolean matches(PrivateKey key, PublicKey pub) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      case "Ed448" -> "Ed448";
      default -> null;
    };
    if (algorithm == null) {
      return true; // an unusual key type: the handshake will tell
    }
    if (!algorithm.startsWith("Ed") && !key.getAlgorithm().equals(pub.getAlgorithm())) {
      return false;
    }
    try {
      byte[] probe = "tocsin".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(algorithm);
      v.initVerify(pub);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
