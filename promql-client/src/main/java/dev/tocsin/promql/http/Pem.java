package dev.tocsin.promql.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files with the JDK alone: X.509 certificates, and private keys in PKCS#8 ({@code
 * PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC 1 ({@code EC PRIVATE KEY}), the three
 * forms Go's {@code tls.X509KeyPair} accepts. PKCS#1 and SEC 1 keys are wrapped into PKCS#8, the
 * only encoding the JDK's key factories take. Every failure is an {@link IllegalArgumentException}
 * naming the config key and the file.
 */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
  /** rsaEncryption, 1.2.840.113549.1.1.1, DER-encoded with its tag. */
  private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
  /** id-ecPublicKey, 1.2.840.10045.2.1, DER-encoded with its tag. */
  private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
  private static final byte[] DER_NULL = {0x05, 0x00};

  private Pem() {}

  /** A PEM block: its label ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...) and decoded bytes. */
  private record Block(String label, String body) {}

  /** The certificates of a PEM file; at least one. */
  public static List<X509Certificate> certificates(Path file, String key) {
    String text = read(file, key);
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(text)) {
        if (b.label().equals("CERTIFICATE")) {
          out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(decode(b, file, key))));
        }
      }
    } catch (CertificateException e) {
      throw invalid(key, file, "invalid certificate: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw invalid(key, file, "no PEM \"CERTIFICATE\" block found");
    }
    return out;
  }

  /** The first private key of a PEM file. */
  public static PrivateKey privateKey(Path file, String key) {
    for (Block b : blocks(read(file, key))) {
      switch (b.label()) {
        case "PRIVATE KEY":
          return pkcs8(decode(b, file, key), file, key);
        case "RSA PRIVATE KEY":
          if (b.body().contains("Proc-Type:")) {
            throw invalid(key, file, "encrypted private keys are not supported");
          }
          return pkcs8(wrap(RSA_OID, DER_NULL, decode(b, file, key)), file, key);
        case "EC PRIVATE KEY":
          byte[] sec1 = decode(b, file, key);
          return pkcs8(wrap(EC_OID, curveOf(sec1, file, key), sec1), file, key);
        case "ENCRYPTED PRIVATE KEY":
          throw invalid(key, file, "encrypted private keys are not supported");
        default:
          break;
      }
    }
    throw invalid(key, file, "no PEM private key block (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) found");
  }

  private static String read(Path file, String key) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + key + " " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + key + " " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      out.add(new Block(m.group(1), m.group(2)));
    }
    return out;
  }

  private static byte[] decode(Block b, Path file, String key) {
    try {
      return Base64.getMimeDecoder().decode(b.body().strip());
    } catch (IllegalArgumentException e) {
      throw invalid(key, file, "bad base64 in \"" + b.label() + "\" block: " + e.getMessage());
    }
  }

  private static PrivateKey pkcs8(byte[] der, Path file, String key) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw invalid(key, file, "unsupported or malformed private key");
  }

  /** The curve OID of a SEC 1 {@code ECPrivateKey} (its optional {@code [0] parameters}). */
  private static byte[] curveOf(byte[] sec1, Path file, String key) {
    try {
      int[] seq = header(sec1, 0);
      int p = seq[0];
      int end = p + seq[1];
      while (p < end) {
        int[] h = header(sec1, p);
        if ((sec1[p] & 0xff) == 0xa0) {
          return Arrays.copyOfRange(sec1, h[0], h[0] + h[1]);
        }
        p = h[0] + h[1];
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw invalid(key, file, "malformed EC private key");
    }
    throw invalid(key, file, "EC private key without curve parameters");
  }

  /** The content offset and length of the DER element at {@code p}. */
  private static int[] header(byte[] der, int p) {
    int len = der[p + 1] & 0xff;
    int start = p + 2;
    if (len >= 0x80) {
      int n = len & 0x7f;
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (der[start + i] & 0xff);
      }
      start += n;
    }
    return new int[] {start, len};
  }

  /** {@code PrivateKeyInfo ::= SEQUENCE { 0, SEQUENCE { algorithm, parameters }, OCTET STRING key }}. */
  private static byte[] wrap(byte[] algorithm, byte[] parameters, byte[] key) {
    byte[] version = {0x02, 0x01, 0x00};
    byte[] algId = tlv(0x30, concat(algorithm, parameters));
    return tlv(0x30, concat(version, algId, tlv(0x04, key)));
  }

  /** A DER element: tag, definite length, content. */
  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((n >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static IllegalArgumentException invalid(String key, Path file, String what) {
    return new IllegalArgumentException(key + " " + file + ": " + what);
  }
}
