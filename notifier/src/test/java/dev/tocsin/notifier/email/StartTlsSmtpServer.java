package dev.tocsin.notifier.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SelfSignedCertificate;
import dev.tocsin.model.testing.SharedDir;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real SMTP server with STARTTLS required and AUTH PLAIN and LOGIN (aiosmtpd, unpacked into
 * {@code .peers} by {@code scripts/peers.sh}), run by {@code starttls_smtp_server.py} as a child
 * process on 127.0.0.1 with a self-signed certificate made by keytool. Skips (fails under CI) when
 * aiosmtpd or the system's Python is missing.
 */
final class StartTlsSmtpServer implements AutoCloseable {
  static final String USER = "alice";
  static final String PASSWORD = "s3cret";

  /** One accepted message and what the server saw of its session. */
  record Received(MimeMessage message, JsonNode envelope) {}

  private final PeerProcess process;
  private final int port;
  private final Path caFile;
  private final Path out;

  private StartTlsSmtpServer(PeerProcess process, int port, Path caFile, Path out) {
    this.process = process;
    this.port = port;
    this.caFile = caFile;
    this.out = out;
  }

  /**
   * Starts a server in {@code dir} whose certificate names {@code subjectAltName} (keytool's
   * syntax, e.g. {@code ip:127.0.0.1}).
   *
   * @param excludedMechanisms AUTH mechanisms the server does not offer
   */
  static StartTlsSmtpServer start(Path dir, String subjectAltName, String... excludedMechanisms)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path python = SharedDir.present(Path.of("/usr/bin/python3"), "the system's Python 3");
    Path sitePackages = SharedDir.peers().resolve("usr/lib/python3/dist-packages");
    SharedDir.present(sitePackages.resolve("aiosmtpd"), "aiosmtpd (run scripts/peers.sh)");
    Files.createDirectories(dir);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(dir, subjectAltName, cert, key);
    Path out = Files.createDirectories(dir.resolve("received"));
    int port = PeerProcess.freePort();
    int readyPort = PeerProcess.freePort();
    List<String> command = new ArrayList<>(List.of("/usr/bin/env", "PYTHONPATH=" + sitePackages,
        python.toString(), launcher().toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--ready-port", Integer.toString(readyPort), "--cert", cert.toString(), "--key", key.toString(),
        "--user", USER, "--password", PASSWORD, "--out", out.toString()));
    for (String m : excludedMechanisms) {
      command.addAll(List.of("--exclude-mechanism", m));
    }
    PeerProcess process = PeerProcess.start(command, dir, dir.resolve("smtp.log"),
        "http://127.0.0.1:" + readyPort, "/ready");
    return new StartTlsSmtpServer(process, port, cert, out);
  }

  /** The SMTP port. */
  int port() {
    return port;
  }

  /** The server's certificate, which as a self-signed certificate is also its CA. */
  Path caFile() {
    return caFile;
  }

  /** The messages accepted so far, in arrival order. */
  List<Received> received() throws IOException, jakarta.mail.MessagingException {
    List<Path> envelopes;
    try (Stream<Path> files = Files.list(out)) {
      envelopes = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    ObjectMapper json = new ObjectMapper();
    Session session = Session.getInstance(new Properties());
    List<Received> result = new ArrayList<>();
    for (Path e : envelopes) {
      Path eml = e.resolveSibling(e.getFileName().toString().replace(".json", ".eml"));
      try (InputStream in = Files.newInputStream(eml)) {
        result.add(new Received(new MimeMessage(session, in), json.readTree(e.toFile())));
      }
    }
    return result;
  }

  /** Forgets the messages received so far. */
  void clear() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
  }

  /** The server's output, for failure messages. */
  String log() {
    return process.logText();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }

  private static Path launcher() {
    try {
      return Path.of(StartTlsSmtpServer.class.getResource("starttls_smtp_server.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes a key pair and self-signed certificate with keytool and writes both as PEM for Python. */
  private static void selfSigned(Path dir, String subjectAltName, Path cert, Path key)
      throws IOException, InterruptedException {
    SelfSignedCertificate c = SelfSignedCertificate.generate(dir, "smtp", "RSA", subjectAltName);
    c.writeCertPem(cert);
    c.writeKeyPem(key);
  }
}
