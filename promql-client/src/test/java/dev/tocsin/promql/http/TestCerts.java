package dev.tocsin.promql.http;

import dev.tocsin.model.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for TLS tests, made by the JDK's {@code keytool} at test time, and
 * their keys written as PEM in the three encodings Go accepts.
 */
final class TestCerts {
  private static final char[] PASSWORD = SelfSignedCertificate.PASSWORD.toCharArray();
  /** secp256r1, 1.2.840.10045.3.1.7. */
  private static final byte[] P256 = {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};

  private TestCerts() {}

  /** A key pair and its self-signed certificate (also written as {@code NAME.crt}). */
  record Identity(Path keystore, Path certPem, PrivateKey key, X509Certificate cert) {}

  /** Runs keytool for an RSA or EC identity with the given subjectAltName ({@code dns:x,ip:y}). */
  static Identity generate(Path dir, String name, String keyAlgorithm, String san) throws Exception {
    SelfSignedCertificate c = SelfSignedCertificate.generate(dir, name, keyAlgorithm, san);
    return new Identity(c.keyStore(), c.writeCertPem(dir.resolve(name + ".crt")), c.key(), c.cert());
  }

  /** A server context presenting {@code server} and, for client auth, trusting {@code client}. */
  static SSLContext serverContext(Identity server, X509Certificate trustedClient) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.keystore())) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    if (trustedClient != null) {
      trust.setCertificateEntry("client", trustedClient);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  /** {@code -----BEGIN PRIVATE KEY-----}: PKCS#8 as the JDK encodes it. */
  static String pkcs8Pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** {@code -----BEGIN RSA PRIVATE KEY-----}: PKCS#1 {@code RSAPrivateKey}. */
  static String pkcs1Pem(RSAPrivateCrtKey k) {
    byte[] seq = Pem.concat(integer(BigInteger.ZERO), integer(k.getModulus()), integer(k.getPublicExponent()),
        integer(k.getPrivateExponent()), integer(k.getPrimeP()), integer(k.getPrimeQ()),
        integer(k.getPrimeExponentP()), integer(k.getPrimeExponentQ()), integer(k.getCrtCoefficient()));
    return pem("RSA PRIVATE KEY", Pem.tlv(0x30, seq));
  }

  /** {@code -----BEGIN EC PRIVATE KEY-----}: SEC 1 {@code ECPrivateKey} with the P-256 curve, as OpenSSL writes it. */
  static String sec1Pem(ECPrivateKey k) {
    byte[] s = k.getS().toByteArray();
    byte[] d = new byte[32];
    int n = Math.min(32, s.length);
    System.arraycopy(s, s.length - n, d, 32 - n, n);
    byte[] seq = Pem.concat(integer(BigInteger.ONE), Pem.tlv(0x04, d), Pem.tlv(0xa0, P256));
    return pem("EC PRIVATE KEY", Pem.tlv(0x30, seq));
  }

  private static byte[] integer(BigInteger v) {
    return Pem.tlv(0x02, v.toByteArray());
  }

  static String pem(String label, byte[] der) {
    return SelfSignedCertificate.pem(label, der);
  }

  static Path write(Path file, String content) throws IOException {
    Files.writeString(file, content);
    return file;
  }

}
