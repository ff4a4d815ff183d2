package dev.tocsin.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.notifier.config.EmailConfig;
import dev.tocsin.notifier.config.TlsSettings;
import dev.tocsin.notifier.email.StartTlsSmtpServer.Received;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends email through a real SMTP server that requires STARTTLS and authentication (aiosmtpd),
 * the path GreenMail cannot test: the upgrade, certificate and host name checks, and AUTH after TLS.
 */
class StartTlsEmailIT {
  @TempDir
  static Path dir;

  private static StartTlsSmtpServer server;

  @BeforeAll
  static void start() throws Exception {
    server = StartTlsSmtpServer.start(dir.resolve("smtp"), "ip:127.0.0.1,dns:localhost");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void forgetMessages() throws Exception {
    server.clear();
  }

  private static EmailConfig startTls(StartTlsSmtpServer s, TlsSettings tls, String password) {
    return EmailTestData.config(s.port(), true, null, tls, StartTlsSmtpServer.USER, password, Map.of());
  }

  private static TlsSettings trusting(StartTlsSmtpServer s) {
    return new TlsSettings(s.caFile().toString(), false);
  }

  @Test
  void deliversOverStartTlsWithAuthentication() throws Exception {
    EmailIntegration email = new EmailIntegration("mail", startTls(server, trusting(server), StartTlsSmtpServer.PASSWORD),
        EmailTestData.TEMPLATES, "http://tocsin.example:9097");
    email.deliver(EmailTestData.twoFiringWithMarkup());

    List<Received> received = server.received();
    assertThat(received).as(server.log()).hasSize(1);
    Received r = received.get(0);
    assertThat(r.envelope().get("tls").asBoolean()).as("the session was upgraded with STARTTLS").isTrue();
    assertThat(r.envelope().get("authenticated").asBoolean()).isTrue();
    assertThat(r.envelope().get("mechanism").asText()).isEqualTo("PLAIN");
    assertThat(r.envelope().get("login").asText()).isEqualTo("alice");
    assertThat(r.envelope().get("helo").asText()).isEqualTo("tocsin.test");
    assertThat(r.envelope().get("mail_from").asText()).isEqualTo("tocsin@example.org");
    assertThat(r.envelope().get("rcpt_tos")).extracting(n -> n.asText())
        .containsExactly("oncall@example.org", "second@example.org");

    assertThat(r.message().getSubject()).isEqualTo("[FIRING:2] HighErrorRate (critical)");
    assertThat(r.message().getHeader("To", ",")).isEqualTo("oncall@example.org, second@example.org");
    assertThat(r.message().getRecipients(Message.RecipientType.TO)).hasSize(2);
    assertThat(r.message().getHeader("From", ",")).isEqualTo("Tocsin <tocsin@example.org>");
    List<BodyPart> parts = EmailTestData.parts(r.message());
    assertThat(parts).extracting(p -> p.getContentType().replaceAll(";.*", ""))
        .containsExactly("text/plain", "text/html");
    String html = (String) parts.get(1).getContent();
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
        .contains("payload = &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("payload = &lt;b&gt;bold&lt;/b&gt;")
        .contains("<a href=\"http://ruler.example:8080/graph?g0.expr=up\"");
    assertThat(email.stats()).isEqualTo(new EmailIntegration.Stats(1, 0));
  }

  @Test
  void authenticatesWithLoginWhenPlainIsNotOffered() throws Exception {
    try (StartTlsSmtpServer loginOnly = StartTlsSmtpServer.start(dir.resolve("login-only"), "ip:127.0.0.1",
        "PLAIN")) {
      new EmailIntegration("mail", startTls(loginOnly, trusting(loginOnly), StartTlsSmtpServer.PASSWORD),
          EmailTestData.TEMPLATES, "").deliver(EmailTestData.twoFiringWithMarkup());
      List<Received> received = loginOnly.received();
      assertThat(received).as(loginOnly.log()).hasSize(1);
      assertThat(received.get(0).envelope().get("mechanism").asText()).isEqualTo("LOGIN");
    }
  }

  @Test
  void wrongPasswordIsOneClearErrorCountedAsAFailure() throws Exception {
    EmailIntegration email = new EmailIntegration("mail", startTls(server, trusting(server), "wrong"),
        EmailTestData.TEMPLATES, "");
    assertThatThrownBy(() -> email.deliver(EmailTestData.twoFiringWithMarkup()))
        .isInstanceOf(EmailException.class)
        .hasMessageStartingWith("email to receiver mail via 127.0.0.1:" + server.port()
            + " failed: authentication failed: 535 5.7.8 Authentication credentials invalid")
        .hasMessageNotContaining("\n");
    assertThat(server.received()).isEmpty();
    assertThat(email.stats()).isEqualTo(new EmailIntegration.Stats(0, 1));
  }

  @Test
  void untrustedCertificateIsATlsErrorAndNothingIsSent() throws Exception {
    EmailIntegration email = new EmailIntegration("mail", startTls(server, TlsSettings.DEFAULT,
        StartTlsSmtpServer.PASSWORD), EmailTestData.TEMPLATES, "");
    assertThatThrownBy(() -> email.deliver(EmailTestData.twoFiringWithMarkup()))
        .isInstanceOf(EmailException.class)
        .hasMessageStartingWith("email to receiver mail via 127.0.0.1:" + server.port() + " failed: TLS with 127.0.0.1:"
            + server.port() + " failed: ")
        .hasMessageEndingWith("unable to find valid certification path to requested target")
        .hasMessageNotContaining("\n");
    assertThat(server.received()).isEmpty();
    assertThat(email.stats()).isEqualTo(new EmailIntegration.Stats(0, 1));
  }

  @Test
  void insecureSkipVerifyDeliversDespiteAnUntrustedCertificate() throws Exception {
    EmailIntegration email = new EmailIntegration("mail", startTls(server, new TlsSettings("", true),
        StartTlsSmtpServer.PASSWORD), EmailTestData.TEMPLATES, "");
    email.deliver(EmailTestData.twoFiringWithMarkup());
    List<Received> received = server.received();
    assertThat(received).hasSize(1);
    assertThat(received.get(0).envelope().get("tls").asBoolean()).isTrue();
    assertThat(received.get(0).message().getSubject()).isEqualTo("[FIRING:2] HighErrorRate (critical)");
  }

  @Test
  void trustedCertificateForAnotherHostIsRejected() throws Exception {
    try (StartTlsSmtpServer elsewhere = StartTlsSmtpServer.start(dir.resolve("elsewhere"), "dns:mail.example")) {
      EmailIntegration email = new EmailIntegration("mail", startTls(elsewhere, trusting(elsewhere),
          StartTlsSmtpServer.PASSWORD), EmailTestData.TEMPLATES, "");
      assertThatThrownBy(() -> email.deliver(EmailTestData.twoFiringWithMarkup()))
          .isInstanceOf(EmailException.class)
          .hasMessageStartingWith("email to receiver mail via 127.0.0.1:" + elsewhere.port() + " failed: TLS with ")
          .hasMessageEndingWith("No subject alternative names matching IP address 127.0.0.1 found")
          .hasMessageNotContaining("\n");
      assertThat(elsewhere.received()).isEmpty();
    }
  }
}
