package dev.tocsin.model.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key pair and its self-signed certificate for TLS tests, made by the JDK's {@code keytool} at
 * test time and kept in a PKCS#12 key store whose password is {@link #PASSWORD}.
 */
public record SelfSignedCertificate(Path keyStore, String alias, X509Certificate cert, PrivateKey key) {
  /** The key store's (and key's) password. */
  public static final String PASSWORD = "changeit";

  /**
   * Runs keytool in {@code dir} for an {@code RSA} (2048 bits) or {@code EC} (P-256) identity
   * named {@code name}, whose certificate has the given subjectAltName ({@code ip:127.0.0.1,dns:x}).
   */
  public static SelfSignedCertificate generate(Path dir, String name, String keyAlgorithm, String subjectAltName)
      throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    Files.deleteIfExists(store);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", name, "-keyalg", keyAlgorithm, "-dname", "CN=" + name, "-validity", "2",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD,
        "-ext", "SAN=" + subjectAltName));
    cmd.addAll(keyAlgorithm.equals("EC") ? List.of("-groupname", "secp256r1") : List.of("-keysize", "2048"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("keytool failed: " + out);
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, PASSWORD.toCharArray());
      }
      return new SelfSignedCertificate(store, name, (X509Certificate) ks.getCertificate(name),
          (PrivateKey) ks.getKey(name, PASSWORD.toCharArray()));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError("reading the key store keytool wrote: " + e, e);
    }
  }

  /** Writes the certificate as PEM. */
  public Path writeCertPem(Path file) throws IOException {
    try {
      return Files.writeString(file, pem("CERTIFICATE", cert.getEncoded()));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** Writes the private key as PKCS#8 PEM ({@code PRIVATE KEY}). */
  public Path writeKeyPem(Path file) throws IOException {
    return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
  }

  /** DER bytes as a PEM block of 64-character lines, ending in a newline. */
  public static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}
