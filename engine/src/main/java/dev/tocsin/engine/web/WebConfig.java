package dev.tocsin.engine.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The server side of Prometheus' {@code --web.config.file}: TLS for the listener, the basic-auth
 * users with their bcrypt hashes, and extra response headers. {@link #NONE} serves plain HTTP to
 * everyone, as when the flag is not given.
 *
 * @param tls the TLS settings, or {@code null} for plain HTTP
 * @param users user name to bcrypt hash; empty when no authentication is asked for
 * @param headers response headers added to every reply
 */
public record WebConfig(Tls tls, Map<String, String> users, Map<String, String> headers) {
  /** No TLS, no authentication, no extra headers. */
  public static final WebConfig NONE = new WebConfig(null, Map.of(), Map.of());

  public WebConfig {
    users = Map.copyOf(users);
    headers = Map.copyOf(headers);
  }

  /** Whether requests must carry basic-auth credentials. */
  public boolean requiresAuth() {
    return !users.isEmpty();
  }

  /** How the server asks for and checks client certificates, by exporter-toolkit's names. */
  public enum ClientAuth {
    NO_CLIENT_CERT("NoClientCert", false, false, false),
    REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
    REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

    private final String id;
    private final boolean want;
    private final boolean need;
    private final boolean verify;

    ClientAuth(String id, boolean want, boolean need, boolean verify) {
      this.id = id;
      this.want = want;
      this.need = need;
      this.verify = verify;
    }

    /** The name used in the web config file. */
    public String id() {
      return id;
    }

    /** Whether the server asks for a certificate at all. */
    public boolean want() {
      return want;
    }

    /** Whether a handshake without a client certificate fails. */
    public boolean need() {
      return need;
    }

    /** Whether a client certificate must chain to {@code client_ca_file}. */
    public boolean verify() {
      return verify;
    }

    /** The value named {@code id}, or {@code null}. */
    static ClientAuth byId(String id) {
      for (ClientAuth c : values()) {
        if (c.id.equals(id)) {
          return c;
        }
      }
      return null;
    }
  }

  /**
   * A ready TLS setup: the context holding the server's certificate (and the client CAs), the
   * client certificate policy and the protocol versions allowed.
   */
  public record Tls(SSLContext context, ClientAuth clientAuth, List<String> protocols) {
    public Tls {
      Objects.requireNonNull(context, "context is null");
      Objects.requireNonNull(clientAuth, "clientAuth is null");
      protocols = List.copyOf(protocols);
    }
  }
}
