package dev.tocsin.notifier.email;

import static dev.tocsin.notifier.email.EmailTestData.NOW;
import static dev.tocsin.notifier.email.EmailTestData.TEMPLATES;
import static dev.tocsin.notifier.email.EmailTestData.config;
import static dev.tocsin.notifier.email.EmailTestData.notification;
import static dev.tocsin.notifier.email.EmailTestData.parts;
import static dev.tocsin.notifier.email.EmailTestData.twoFiring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.EmailConfig;
import dev.tocsin.notifier.config.TlsSettings;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends real email through GreenMail (plain SMTP and SMTPS, with and without authentication). */
class EmailIntegrationIT {
  private GreenMail mail;

  @BeforeEach
  void start() {
    mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()});
    mail.withConfiguration(GreenMailConfiguration.aConfig().withUser("oncall@example.org", "alice", "s3cret"));
    mail.start();
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private EmailConfig plain(String user, String password) {
    return config(mail.getSmtp().getPort(), false, null, TlsSettings.DEFAULT, user, password, Map.of());
  }

  @Test
  void sendsMultipartAlternativeOverPlainSmtp() throws Exception {
    EmailIntegration email = new EmailIntegration("mail", plain("", ""), TEMPLATES, "http://tocsin.example:9097");
    email.deliver(twoFiring());

    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).as("one copy per recipient").hasSize(2);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("[FIRING:2] HighErrorRate (<script>alert(1)</script> critical)");
    assertThat(m.getHeader("To", ",")).isEqualTo("oncall@example.org, second@example.org");
    assertThat(m.getHeader("From", ",")).isEqualTo("Tocsin <tocsin@example.org>");
    assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(2);
    assertThat(m.getHeader("Message-ID")).isNotEmpty();
    assertThat(m.getHeader("Date")).isNotEmpty();
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    List<BodyPart> parts = parts(m);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).getContentType()).startsWith("text/plain");
    assertThat((String) parts.get(0).getContent()).contains(" - payload = <script>alert(1)</script>");
    assertThat(parts.get(1).getContentType()).startsWith("text/html");
    String html = (String) parts.get(1).getContent();
    assertThat(html).doesNotContain("<script>").contains("payload = &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("<a href=\"http://ruler.example:8080/graph?g0.expr=up\"");
    assertThat(email.stats()).isEqualTo(new EmailIntegration.Stats(1, 0));
  }

  @Test
  void customHeadersAreTemplated() throws Exception {
    EmailConfig c = config(mail.getSmtp().getPort(), false, null, TlsSettings.DEFAULT, "", "",
        Map.of("Subject", "{{ .CommonLabels.alertname }} on {{ len .Alerts }} hosts", "X-Team", "{{ .Receiver }}"));
    new EmailIntegration("mail", c, TEMPLATES, "").deliver(twoFiring());
    MimeMessage m = mail.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("HighErrorRate on 2 hosts");
    assertThat(m.getHeader("X-Team", ",")).isEqualTo("mail");
  }

  @Test
  void resolvedOnlyNotificationIsNotSentWithoutSendResolved() {
    OutgoingAlert resolved = new OutgoingAlert(Labels.of("alertname", "X"), Labels.EMPTY, NOW.minusSeconds(60),
        NOW.minusSeconds(1), "", "e1");
    EmailIntegration email = new EmailIntegration("mail", plain("", ""), TEMPLATES, "");
    email.deliver(notification(resolved));
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(email.stats()).isEqualTo(new EmailIntegration.Stats(0, 0));
  }

  @Test
  void authenticatesWithPlainOrLogin() throws Exception {
    new EmailIntegration("mail", plain("alice", "s3cret"), TEMPLATES, "").deliver(twoFiring());
    assertThat(mail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void wrongPasswordIsOneClearError() {
    EmailIntegration email = new EmailIntegration("mail", plain("alice", "wrong"), TEMPLATES, "");
    assertThatThrownBy(() -> email.deliver(twoFiring()))
        .isInstanceOf(EmailException.class)
        .hasMessageStartingWith("email to receiver mail via 127.0.0.1:" + mail.getSmtp().getPort()
            + " failed: authentication failed: 535 ")
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(email.stats()).isEqualTo(new EmailIntegration.Stats(0, 1));
  }

  // The STARTTLS success path is tested against aiosmtpd in StartTlsEmailIT, since GreenMail
  // 2.1.5's SMTP server offers no STARTTLS (its EHLO answer lists AUTH alone; the
  // "mail.smtp.starttls.enable" in ServerSetup configures GreenMail's own client session).
  @Test
  void requireTlsFailsWhenServerDoesNotOfferStarttls() {
    EmailConfig c = config(mail.getSmtp().getPort(), true, null, TlsSettings.DEFAULT, "", "", Map.of());
    EmailIntegration email = new EmailIntegration("mail", c, TEMPLATES, "");
    assertThatThrownBy(() -> email.deliver(twoFiring()))
        .isInstanceOf(EmailException.class)
        .hasMessage("email to receiver mail via 127.0.0.1:" + mail.getSmtp().getPort() + " failed: 'require_tls' is "
            + "true (default) but \"127.0.0.1:" + mail.getSmtp().getPort()
            + "\" does not advertise the STARTTLS extension");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void implicitTlsWithAuthentication() throws Exception {
    EmailConfig c = config(mail.getSmtps().getPort(), true, true, new TlsSettings("", true), "alice", "s3cret",
        Map.of());
    new EmailIntegration("mail", c, TEMPLATES, "").deliver(twoFiring());
    assertThat(mail.getReceivedMessages()).hasSize(2);
    assertThat(mail.getReceivedMessages()[0].getSubject()).startsWith("[FIRING:2] HighErrorRate");
  }

  @Test
  void implicitTlsVerifiesTheCertificateByDefault() {
    EmailConfig c = config(mail.getSmtps().getPort(), true, true, TlsSettings.DEFAULT, "", "", Map.of());
    EmailIntegration email = new EmailIntegration("mail", c, TEMPLATES, "");
    assertThatThrownBy(() -> email.deliver(twoFiring()))
        .isInstanceOf(EmailException.class)
        .hasMessageContaining("failed: TLS with 127.0.0.1:" + mail.getSmtps().getPort() + " failed: ")
        .hasMessageNotContaining("\n");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void unreachableServerIsOneClearError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmailConfig c = config(port, false, null, TlsSettings.DEFAULT, "", "", Map.of());
    EmailIntegration email = new EmailIntegration("mail", c, TEMPLATES, "");
    assertThatThrownBy(() -> email.deliver(twoFiring()))
        .isInstanceOf(EmailException.class)
        .hasMessage("email to receiver mail via 127.0.0.1:" + port + " failed: cannot connect to 127.0.0.1:" + port
            + ": ConnectException: Connection refused");
    assertThat(email.stats().failed()).isEqualTo(1);
  }

  @Test
  void badTemplateIsOneClearError() {
    EmailConfig c = config(mail.getSmtp().getPort(), false, null, TlsSettings.DEFAULT, "", "",
        Map.of("Subject", "{{ .Nope }}"));
    assertThatThrownBy(() -> new EmailIntegration("mail", c, TEMPLATES, "").deliver(twoFiring()))
        .isInstanceOf(EmailException.class)
        .hasMessageEndingWith("failed: execute 'header Subject' template: template: :1:3: executing \"\" at <.Nope>: "
            + "can't evaluate field Nope in type *template.Data");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }
}
