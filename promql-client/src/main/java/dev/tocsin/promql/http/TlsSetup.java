package dev.tocsin.promql.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * Applies a {@code tls_config} to an OkHttp builder: trusted CAs from {@code ca_file}, a client
 * certificate, {@code server_name} (sent as SNI and checked against the certificate instead of the
 * URL's host), {@code insecure_skip_verify} and {@code min_version}.
 */
final class TlsSetup {
  private static final char[] NO_PASSWORD = new char[0];

  private TlsSetup() {}

  static void apply(OkHttpClient.Builder b, HttpClientConfig.TlsConfig tls) {
    try {
      X509TrustManager trust = tls.insecureSkipVerify() ? new TrustEverything() : trustManager(tls);
      KeyManager[] keys = tls.certFile() == null ? null : keyManagers(tls);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, new TrustManager[] {trust}, null);
      SSLSocketFactory factory = ctx.getSocketFactory();
      String serverName = tls.serverName() == null || tls.serverName().isEmpty() ? null : tls.serverName();
      if (serverName != null) {
        factory = new ServerNameSocketFactory(factory, serverName);
      }
      b.sslSocketFactory(factory, trust);
      if (tls.insecureSkipVerify()) {
        b.hostnameVerifier((host, session) -> true);
      } else if (serverName != null) {
        // OkHttp's verifier is the one it uses by default; only the name it checks changes.
        HostnameVerifier ok = OkHostnameVerifier.INSTANCE;
        b.hostnameVerifier((host, session) -> ok.verify(serverName, session));
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("tls_config: " + e.getMessage(), e);
    }
    if (tls.minVersion() != null && !tls.minVersion().isEmpty()) {
      b.connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
          .tlsVersions(versionsFrom(tls.minVersion())).build(), ConnectionSpec.CLEARTEXT));
    }
  }

  private static TlsVersion[] versionsFrom(String min) {
    return switch (min) {
      case "TLS13" -> new TlsVersion[] {TlsVersion.TLS_1_3};
      case "TLS12" -> new TlsVersion[] {TlsVersion.TLS_1_3, TlsVersion.TLS_1_2};
      case "TLS11" -> new TlsVersion[] {TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, TlsVersion.TLS_1_1};
      case "TLS10" -> new TlsVersion[] {TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0};
      default -> throw new IllegalArgumentException(
          "tls_config: unknown min_version \"" + min + "\" (want TLS10, TLS11, TLS12 or TLS13)");
    };
  }

  private static X509TrustManager trustManager(HttpClientConfig.TlsConfig tls)
      throws GeneralSecurityException, IOException {
    KeyStore store = null;
    if (tls.caFile() != null) {
      store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      List<X509Certificate> cas = Pem.certificates(tls.caFile(), "ca_file");
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca" + i, cas.get(i));
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager available");
  }

  private static KeyManager[] keyManagers(HttpClientConfig.TlsConfig tls) throws GeneralSecurityException, IOException {
    List<X509Certificate> chain = Pem.certificates(tls.certFile(), "cert_file");
    PrivateKey key = Pem.privateKey(tls.keyFile(), "key_file");
    checkPair(key, chain.get(0), tls);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, NO_PASSWORD);
    return kmf.getKeyManagers();
  }

  /** Fails early, as Go's {@code tls.X509KeyPair} does, when the key does not belong to the certificate. */
  private static void checkPair(PrivateKey key, X509Certificate cert, HttpClientConfig.TlsConfig tls)
      throws GeneralSecurityException {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return;
    }
    byte[] probe = "tocsin key pair check".getBytes(StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(sig);
    } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
      matches = false;
    }
    if (!matches) {
      throw new IllegalArgumentException(
          "tls_config: key_file " + tls.keyFile() + " does not match the certificate in cert_file " + tls.certFile());
    }
  }

  /** Trusts any certificate: {@code insecure_skip_verify: true}. */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Sends {@code server_name} as the TLS SNI host instead of the URL's host, as Go's {@code ServerName} does. */
  private static final class ServerNameSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final String serverName;

    ServerNameSocketFactory(SSLSocketFactory delegate, String serverName) {
      this.delegate = delegate;
      this.serverName = serverName;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      return delegate.createSocket(s, serverName, port, autoClose);
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
