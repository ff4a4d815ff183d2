package dev.tocsin.notifier.email;

import dev.tocsin.notifier.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The TLS socket factory of an email receiver's {@code tls_config}: a CA file, or no verification at all. */
final class SmtpTls {
  private SmtpTls() {}

  /** A socket factory trusting the configured CAs (the system's when none), or anything when insecure. */
  static SSLSocketFactory socketFactory(TlsSettings tls) {
    try {
      TrustManager[] trust;
      if (tls.insecureSkipVerify()) {
        trust = new TrustManager[] {new TrustAll()};
      } else if (!tls.caFile().isEmpty()) {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(caStore(Path.of(tls.caFile())));
        trust = tmf.getTrustManagers();
      } else {
        trust = null;
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, trust, null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new EmailException("cannot set up TLS: " + e.getMessage());
    }
  }

  private static KeyStore caStore(Path file) throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
      if (i == 0) {
        throw new EmailException("no certificates in CA file " + file);
      }
    } catch (IOException e) {
      throw new EmailException("cannot read CA file " + file + ": " + e.getMessage());
    }
    return ks;
  }

  /** {@code insecure_skip_verify: true}: accepts any certificate, as the user asked. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // Nothing is verified when the user turns verification off.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Nothing is verified when the user turns verification off.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
