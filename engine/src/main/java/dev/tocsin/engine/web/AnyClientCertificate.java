package dev.tocsin.engine.web;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts any client certificate without checking its chain, for {@code client_auth_type}
 * {@code RequestClientCert} and {@code RequireAnyClientCert}; never used to check servers.
 */
final class AnyClientCertificate implements X509TrustManager {
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // Any certificate is taken: that is what these client_auth_type values mean.
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a server-side trust manager checks no servers");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
