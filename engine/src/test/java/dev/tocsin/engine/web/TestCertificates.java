package dev.tocsin.engine.web;

import dev.tocsin.model.testing.SelfSignedCertificate;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed server certificate for 127.0.0.1 made by the JDK's keytool, written as PEM files. */
final class TestCertificates {
  private static final char[] PASSWORD = SelfSignedCertificate.PASSWORD.toCharArray();

  private TestCertificates() {}

  /** The PEM files and the certificate. */
  record Pair(Path certFile, Path keyFile, X509Certificate cert, Path keyStore) {
    /** A client context trusting only this certificate. */
    SSLContext trustingContext() throws Exception {
      return clientContext(null);
    }

    /** A client context trusting only this certificate and presenting {@code client}'s, if given. */
    SSLContext clientContext(Pair client) throws Exception {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManager[] keys = null;
      if (client != null) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(client.keyStore())) {
          ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        keys = kmf.getKeyManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, tmf.getTrustManagers(), null);
      return ctx;
    }
  }

  static Pair generate(Path dir, String name) throws Exception {
    SelfSignedCertificate c = SelfSignedCertificate.generate(dir, name, "EC", "ip:127.0.0.1,dns:localhost");
    return new Pair(c.writeCertPem(dir.resolve(name + ".crt")), c.writeKeyPem(dir.resolve(name + ".key")), c.cert(),
        c.keyStore());
  }
}
